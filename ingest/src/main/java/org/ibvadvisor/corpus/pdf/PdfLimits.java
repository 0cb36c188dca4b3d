package org.ibvadvisor.corpus.pdf;

/**
 * How large a PDF the reader takes: bigger files are refused with a message saying the limit, before their pages
 * are read.
 *
 * @param maxBytes largest file size, in bytes
 * @param maxPages most pages
 */
public record PdfLimits(long maxBytes, int maxPages) {
    /** 100 MB. */
    public static final long DEFAULT_MAX_BYTES = 100_000_000L;
    public static final int DEFAULT_MAX_PAGES = 1_000;

    public PdfLimits {
        if (maxBytes < 1) throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        if (maxPages < 1) throw new IllegalArgumentException("maxPages must be positive: " + maxPages);
    }

    /** 100 MB and 1,000 pages: far more than any report. */
    public static PdfLimits defaults() {
        return new PdfLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES);
    }
}
