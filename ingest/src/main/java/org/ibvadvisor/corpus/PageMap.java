package org.ibvadvisor.corpus;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Which page of the original document every character of a report's source text was printed on: page {@code p}
 * (1-based, the physical page a viewer opens with {@code #page=p}) holds the chars from {@code starts[p - 1]} up to
 * {@code starts[p]} (the last page up to the end of the text). A page without text starts where the next one does.
 * Where the document defines page labels (e.g. "iv" on a front page, "12" on the page numbered 12), {@link #labels()}
 * gives the printed label of each page; otherwise it is empty.
 *
 * @param starts source offset at which each page starts: first 0, never decreasing; one entry per page
 * @param labels the printed label of each page, one per page, or empty when the document has none
 */
public record PageMap(int[] starts, List<String> labels) {
    public PageMap {
        Objects.requireNonNull(starts, "starts");
        starts = starts.clone();
        labels = labels == null ? List.of() : List.copyOf(labels);
        if (starts.length == 0) throw new IllegalArgumentException("a page map needs at least one page");
        if (starts[0] != 0) throw new IllegalArgumentException("the first page must start at offset 0, not " + starts[0]);
        for (int i = 1; i < starts.length; i++) {
            if (starts[i] < starts[i - 1]) {
                throw new IllegalArgumentException("page " + (i + 1) + " starts at " + starts[i] + ", before page " + i
                        + " (" + starts[i - 1] + ")");
            }
        }
        if (!labels.isEmpty() && labels.size() != starts.length) {
            throw new IllegalArgumentException(labels.size() + " page labels for " + starts.length + " pages");
        }
    }

    /** Number of pages of the document. */
    public int pageCount() {
        return starts.length;
    }

    /** The page (1-based) holding the char at {@code offset}; offsets past the end belong to the last page. */
    public int pageAt(int offset) {
        if (offset < 0) throw new IllegalArgumentException("negative offset " + offset);
        int at = Arrays.binarySearch(starts, offset);
        if (at < 0) return -at - 1;
        // equal starts belong to empty pages: the char is on the last page starting here
        while (at + 1 < starts.length && starts[at + 1] == offset) at++;
        return at + 1;
    }

    /** The pages of the span [start, end): the page of its first char and the page of its last. */
    public PageRange pageRange(int start, int end) {
        if (end < start) throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        int first = pageAt(start);
        return new PageRange(first, end == start ? first : pageAt(end - 1));
    }

    /** The printed label of a page (1-based), or the page number itself when the document has no labels. */
    public String label(int page) {
        if (page < 1 || page > starts.length) throw new IllegalArgumentException("no page " + page + " of " + starts.length);
        return labels.isEmpty() ? Integer.toString(page) : labels.get(page - 1);
    }

    /** The printed label of the page holding the char at {@code offset}. */
    public String labelAt(int offset) {
        return label(pageAt(offset));
    }

    /** Source offset at which a page (1-based) starts. */
    public int start(int page) {
        if (page < 1 || page > starts.length) throw new IllegalArgumentException("no page " + page + " of " + starts.length);
        return starts[page - 1];
    }

    @Override
    public int[] starts() {
        return starts.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PageMap map && Arrays.equals(starts, map.starts) && labels.equals(map.labels);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(starts) + labels.hashCode();
    }

    @Override
    public String toString() {
        return "PageMap[" + starts.length + " pages, starts=" + Arrays.toString(starts) + (labels.isEmpty() ? "" : ", labels=" + labels) + "]";
    }
}
