package org.ibvadvisor.clean;

/**
 * Removes PDF-extraction noise from a report's source text and recognises its structure.
 * Implementations are stateless and thread-safe.
 */
public interface Cleaner {
    /**
     * @param source the report text exactly as in its file
     * @return the report as headings and paragraphs, in source order, each mapped back to {@code source}
     */
    CleanDocument clean(String source);
}
