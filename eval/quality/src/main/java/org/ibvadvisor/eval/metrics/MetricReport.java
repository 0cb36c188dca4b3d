package org.ibvadvisor.eval.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Ranking metrics of one retriever over a question set.
 *
 * @param overall  means over every question with something relevant
 * @param byType   means per question type, by type name; types with nothing relevant are absent
 * @param unscored how many questions had nothing relevant (unanswerable ones) and were left out of the means
 */
public record MetricReport(MetricSummary overall, Map<String, MetricSummary> byType, int unscored) {
    public MetricReport {
        Objects.requireNonNull(overall, "overall");
        byType = Collections.unmodifiableMap(new LinkedHashMap<>(byType));
    }
}
