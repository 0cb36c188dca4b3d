package org.ibvadvisor.retrieval;

import java.util.List;
import java.util.Map;

/**
 * A retrieved passage with everything needed to cite it.
 *
 * @param id          chunk id (or merged-chunks id) {@code <reportId>#<ordinal>}
 * @param reportId    the report
 * @param reportTitle the report's title (Chinese)
 * @param section     heading path
 * @param text        the passage exactly as in the report source: {@code source.substring(start, end)}
 * @param start       span start in the report source (inclusive)
 * @param end         span end (exclusive)
 * @param score       final fused score, higher is better
 * @param ranks       rank of this passage under each signal (e.g. {@code bm25 -> 3, dense -> 1}); absent when not found by it
 */
public record Passage(String id, String reportId, String reportTitle, List<String> section, String text,
                      int start, int end, double score, Map<String, Integer> ranks) {
    public Passage {
        section = List.copyOf(section);
        ranks = Map.copyOf(ranks);
    }

    public String sectionPath() {
        return String.join(" > ", section);
    }
}
