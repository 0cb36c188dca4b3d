package org.ibvadvisor.corpus.pdf;

/**
 * An axis-aligned box on a page, in points, y growing downwards from the top of the page (as glyph positions are).
 *
 * @param x0     left edge
 * @param top    top edge
 * @param x1     right edge
 * @param bottom bottom edge
 */
record Rect(float x0, float top, float x1, float bottom) {
    Rect {
        if (x1 < x0) {
            float swap = x0;
            x0 = x1;
            x1 = swap;
        }
        if (bottom < top) {
            float swap = top;
            top = bottom;
            bottom = swap;
        }
    }

    float width() {
        return x1 - x0;
    }

    float height() {
        return bottom - top;
    }

    float area() {
        return width() * height();
    }

    float centerX() {
        return (x0 + x1) / 2;
    }

    float centerY() {
        return (top + bottom) / 2;
    }

    /** Width of the x-range both boxes share (0 when they share none). */
    float overlapX(Rect other) {
        return Math.max(0, Math.min(x1, other.x1) - Math.max(x0, other.x0));
    }

    /** Height of the y-range both boxes share (0 when they share none). */
    float overlapY(Rect other) {
        return Math.max(0, Math.min(bottom, other.bottom) - Math.max(top, other.top));
    }

    boolean contains(float x, float y) {
        return x >= x0 && x <= x1 && y >= top && y <= bottom;
    }

    /** Whether the other box lies inside this one, give or take {@code slack} points on each side. */
    boolean encloses(Rect other, float slack) {
        return other.x0 >= x0 - slack && other.x1 <= x1 + slack && other.top >= top - slack && other.bottom <= bottom + slack;
    }

    Rect union(Rect other) {
        return new Rect(Math.min(x0, other.x0), Math.min(top, other.top), Math.max(x1, other.x1), Math.max(bottom, other.bottom));
    }
}
