package org.ibvadvisor.corpus.pdf;

import java.util.List;

/**
 * A page's text in reading order, furniture gone.
 *
 * @param number    1-based physical page number
 * @param body      the running text, headings and tables, in reading order
 * @param asides    margin notes, callout boxes and text set sideways: read after the body of the page
 * @param footnotes the footnotes at the foot of the page, top down, one paragraph each
 */
record LaidOutPage(int number, List<PageItem> body, List<PageItem> asides, List<TextBlock> footnotes) {
    LaidOutPage {
        body = List.copyOf(body);
        asides = List.copyOf(asides);
        footnotes = List.copyOf(footnotes);
    }

    boolean isEmpty() {
        return body.isEmpty() && asides.isEmpty() && footnotes.isEmpty();
    }
}
