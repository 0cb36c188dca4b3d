package org.ibvadvisor.corpus.pdf;

/**
 * One glyph as drawn on a page: its text (already normalised by {@link GlyphText}) and where it sits, in the page's
 * reading direction (x to the right, y down from the top).
 *
 * @param text     the characters it stands for: one, or a few for a ligature; {@code " "} for a space glyph
 * @param x        left edge
 * @param baseline y of the baseline
 * @param width    advance width
 * @param size     font size in points, as rendered
 * @param dir      text direction in degrees (0 = upright; 90, 180, 270 rotated)
 */
record Glyph(String text, float x, float baseline, float width, float size, int dir) {
    /** Share of the font size above the baseline taken as the glyph's box (ascent). */
    static final float ASCENT = 0.8f;
    /** Share of the font size below the baseline taken as the glyph's box (descent). */
    static final float DESCENT = 0.2f;

    boolean isSpace() {
        return text.isBlank();
    }

    float right() {
        return x + width;
    }

    float top() {
        return baseline - ASCENT * size;
    }

    float bottom() {
        return baseline + DESCENT * size;
    }
}
