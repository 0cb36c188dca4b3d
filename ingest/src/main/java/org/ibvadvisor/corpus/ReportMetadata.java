package org.ibvadvisor.corpus;

import java.util.Objects;

/**
 * What a report is, as written in its {@code <stem>.meta.json} beside the text.
 *
 * @param id         stable id used in citations and filters, e.g. {@code ceo-genai-guide}
 * @param titleZh    the Chinese title, as the document gives it
 * @param titleEn    an English title
 * @param shortTitle a short label for chips and lists
 * @param publisher  e.g. IBM Institute for Business Value
 * @param year       publication year when the text gives it, else {@code null}
 * @param language   BCP-47 language of the text, e.g. {@code zh}
 */
public record ReportMetadata(String id, String titleZh, String titleEn, String shortTitle,
                             String publisher, Integer year, String language) {
    public ReportMetadata {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[a-z0-9][a-z0-9._-]{0,79}")) {
            throw new IllegalArgumentException("report id must be lower-case letters, digits, '.', '_' or '-': '" + id + "'");
        }
        if (titleZh == null || titleZh.isBlank()) titleZh = id;
        if (titleEn == null || titleEn.isBlank()) titleEn = titleZh;
        if (shortTitle == null || shortTitle.isBlank()) shortTitle = titleZh;
        if (language == null || language.isBlank()) language = "zh";
    }

    /** The title to show in the given language ({@code en} gives the English one, anything else Chinese). */
    public String title(String lang) {
        return "en".equals(lang) ? titleEn : titleZh;
    }
}
