package org.ibvadvisor.corpus;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One report of the corpus: its metadata and its source text exactly as in the file.
 * Character spans elsewhere in the product index into {@link #text()}.
 *
 * @param metadata    what the report is
 * @param source      the file it was read from
 * @param text        the full source text (UTF-8 decoded, BOM removed, nothing else changed)
 * @param contentHash hex SHA-256 of the source bytes and the metadata; changes when either changes
 */
public record Report(ReportMetadata metadata, Path source, String text, String contentHash) {
    public Report {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(contentHash, "contentHash");
    }

    public String id() {
        return metadata.id();
    }
}
