package org.ibvadvisor.corpus;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One report of the corpus: its metadata and its source text exactly as read from the file.
 * Character spans elsewhere in the product index into {@link #text()}.
 *
 * @param metadata    what the report is
 * @param source      the file it was read from
 * @param text        the full source text: for text files the file (UTF-8 decoded, BOM removed, nothing else
 *                    changed); for PDFs the text laid out from the pages
 * @param contentHash hex SHA-256 of the source bytes and the metadata; changes when either changes
 * @param pageMap     the page every char of {@code text} was printed on (PDF reports); {@code null} for text reports
 */
public record Report(ReportMetadata metadata, Path source, String text, String contentHash, PageMap pageMap) {
    public Report {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(contentHash, "contentHash");
    }

    /** A report without pages (a text or Markdown file). */
    public Report(ReportMetadata metadata, Path source, String text, String contentHash) {
        this(metadata, source, text, contentHash, null);
    }

    public String id() {
        return metadata.id();
    }
}
