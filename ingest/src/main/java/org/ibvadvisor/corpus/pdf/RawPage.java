package org.ibvadvisor.corpus.pdf;

import java.util.List;

/**
 * What one page holds, as the {@link GlyphStripper} saw it.
 *
 * @param number    1-based physical page number
 * @param width     page width in points (crop box)
 * @param height    page height in points
 * @param glyphs    every glyph drawn, duplicates of overlapping text (fake bold) removed, in drawing order
 * @param boxes     filled or stroked rectangles big enough to hold text (callout boxes, panels, table borders)
 * @param rules     thin horizontal lines (table rules, footnote separators)
 * @param hasImages whether the page draws an image
 */
record RawPage(int number, float width, float height, List<Glyph> glyphs, List<Rect> boxes, List<Rect> rules,
               boolean hasImages) {
    RawPage {
        glyphs = List.copyOf(glyphs);
        boxes = List.copyOf(boxes);
        rules = List.copyOf(rules);
    }

    static RawPage empty(int number, float width, float height) {
        return new RawPage(number, width, height, List.of(), List.of(), List.of(), false);
    }
}
