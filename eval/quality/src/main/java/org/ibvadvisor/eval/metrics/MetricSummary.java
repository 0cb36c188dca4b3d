package org.ibvadvisor.eval.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Mean ranking metrics over a set of questions.
 *
 * @param questions how many questions the means are over
 * @param hitAt     mean hit@k by cutoff k, ascending
 * @param cutoff    the k of {@code mrr} and {@code ndcg}
 * @param mrr       mean reciprocal rank at {@code cutoff}
 * @param ndcg      mean nDCG at {@code cutoff}
 */
public record MetricSummary(int questions, Map<Integer, Double> hitAt, int cutoff, double mrr, double ndcg) {
    public MetricSummary {
        if (questions < 1) throw new IllegalArgumentException("a summary needs at least one question: " + questions);
        hitAt = Collections.unmodifiableMap(new TreeMap<>(hitAt));
    }

    /** Mean hit@k; fails for a cutoff that was not computed. */
    public double hitAt(int k) {
        Double value = hitAt.get(k);
        if (value == null) throw new IllegalArgumentException("hit@" + k + " was not computed; have " + hitAt.keySet());
        return value;
    }

    /** The metrics under the keys of {@code summary.json}: {@code hit@1 … hit@10, mrr@10, ndcg@10}, in that order. */
    public Map<String, Double> toMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        hitAt.forEach((k, value) -> map.put("hit@" + k, value));
        map.put("mrr@" + cutoff, mrr);
        map.put("ndcg@" + cutoff, ndcg);
        return Collections.unmodifiableMap(map);
    }
}
