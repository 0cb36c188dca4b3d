package org.ibvadvisor.clean;

import java.util.List;

/**
 * Consecutive source lines that read as one unit before cleaning: a wrapped paragraph, a heading line,
 * a list item with its continuation lines or a table row.
 *
 * @param lines                its lines, in order, none blank and none furniture
 * @param markdownLevel        the number of {@code #} of a Markdown heading line, else 0
 * @param bullet               a list item marked "- ", "• ", "—"
 * @param tableRow             a line with tab-separated cells
 * @param followedByPageNumber the next non-blank line is a page number
 */
record RawParagraph(List<SourceLine> lines, int markdownLevel, boolean bullet, boolean tableRow,
                    boolean followedByPageNumber) {
    RawParagraph {
        lines = List.copyOf(lines);
        if (lines.isEmpty()) throw new IllegalArgumentException("a paragraph needs at least one line");
    }

    SourceLine firstLine() {
        return lines.getFirst();
    }
}
