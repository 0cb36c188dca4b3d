package org.ibvadvisor.corpus;

import java.util.Objects;

/**
 * What a {@link ReportReader} makes of one file.
 *
 * @param text          the report's source text: character spans elsewhere in the product index into it
 * @param pageMap       the page of every char of {@code text}, for paged formats (PDF); {@code null} otherwise
 * @param properties    what the file says about itself, for metadata when there is no metadata file
 * @param readerVersion for a reader that derives the text (a PDF's layout analysis), a name of the version of that
 *                      derivation: it goes into the report's content hash, so that a changed reader re-reads the
 *                      file on the next ingest; {@code null} when the text is the file itself
 */
public record ReportContent(String text, PageMap pageMap, DocumentProperties properties, String readerVersion) {
    public ReportContent {
        Objects.requireNonNull(text, "text");
        if (properties == null) properties = DocumentProperties.NONE;
    }

    /** Plain text: no pages, nothing said about itself, the text is the file. */
    public static ReportContent ofText(String text) {
        return new ReportContent(text, null, DocumentProperties.NONE, null);
    }
}
