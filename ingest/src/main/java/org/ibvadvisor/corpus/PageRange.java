package org.ibvadvisor.corpus;

/**
 * The pages a span of source text was printed on, 1-based and inclusive: {@code page == pageEnd} for a span on one page.
 *
 * @param page    the page of the span's first char
 * @param pageEnd the page of its last char
 */
public record PageRange(int page, int pageEnd) {
    public PageRange {
        if (page < 1 || pageEnd < page) throw new IllegalArgumentException("bad page range " + page + "–" + pageEnd);
    }
}
