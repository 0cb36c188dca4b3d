package org.ibvadvisor.testing.pdf;

import java.util.List;

/**
 * A PDF made by {@link ReportPdfMaker} and the truth about it.
 *
 * @param bytes     the PDF file
 * @param placed    every piece of text the maker printed that a reader should give back, in the order a reader should
 *                  give it (per page: the body in reading order, then margin notes and callouts, then footnotes),
 *                  each with the page it is on
 * @param furniture running heads and feet and page numbers printed, which a reader should drop
 * @param labels    the printed page label of each page
 */
public record MadePdf(byte[] bytes, List<Placed> placed, List<String> furniture, List<String> labels) {
    public MadePdf {
        placed = List.copyOf(placed);
        furniture = List.copyOf(furniture);
        labels = List.copyOf(labels);
    }

    public int pageCount() {
        return labels.size();
    }

    /** What the maker printed of one kind, in order. */
    public List<Placed> of(Kind kind) {
        return placed.stream().filter(p -> p.kind() == kind).toList();
    }

    /** What a piece of printed text is. */
    public enum Kind {
        /** A printed line (or part of one) of the report's text. */
        BODY,
        /** A heading line of the report's text, set larger. */
        HEADING,
        /** The text of a table cell (or the part of it on one line). */
        TABLE_CELL,
        /** A footnote mark after a sentence, printed small and raised: read back as a superscript digit. */
        MARK,
        /** A figure's caption under it. */
        CAPTION,
        /** A note in the left margin beside the body text. */
        MARGIN_NOTE,
        /** A boxed pull quote set across the body text, between two of its lines. */
        CALLOUT,
        /** A footnote at the foot of a page, in small type. */
        FOOTNOTE
    }

    /**
     * One printed piece.
     *
     * @param kind        what it is
     * @param text        the characters printed (spaces as printed; a mark as its superscript digits)
     * @param page        the 1-based page it is on
     * @param sourceStart offset in the report text of its first char, or -1 for text the maker added
     */
    public record Placed(Kind kind, String text, int page, int sourceStart) {
    }
}
