package org.ibvadvisor.chunk;

import java.util.List;
import java.util.Objects;

/**
 * A passage of one report: the unit that is indexed, retrieved and cited.
 *
 * @param id        stable id {@code <reportId>#<ordinal>}
 * @param reportId  the report it belongs to
 * @param section   heading path from the top, e.g. ["第一部分", "第 1 章 人才与技能"]; empty before the first heading
 * @param ordinal   position among the report's chunks, from 0
 * @param text      the passage exactly as in the source file ({@code source.substring(start, end)})
 * @param cleanText the same passage cleaned (wrapped lines joined, furniture dropped): what is analysed and embedded
 * @param start     start of the span in the source file (inclusive, char index)
 * @param end       end of the span in the source file (exclusive)
 */
public record Chunk(String id, String reportId, List<String> section, int ordinal,
                    String text, String cleanText, int start, int end) {
    public Chunk {
        Objects.requireNonNull(reportId, "reportId");
        section = List.copyOf(section);
        if (id == null) id = reportId + "#" + ordinal;
        if (start < 0 || end < start) throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        if (text.length() != end - start) {
            throw new IllegalArgumentException("text length " + text.length() + " does not match span [" + start + ", " + end + ")");
        }
    }

    /** The section trail as one line, e.g. {@code 第一部分 > 第 1 章 人才与技能}. */
    public String sectionPath() {
        return String.join(" > ", section);
    }
}
