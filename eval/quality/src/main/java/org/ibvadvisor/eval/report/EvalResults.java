package org.ibvadvisor.eval.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.ibvadvisor.eval.metrics.MetricReport;
import org.ibvadvisor.eval.metrics.RefusalMetrics;
import org.ibvadvisor.eval.run.RetrieverRun;

/**
 * The results of one evaluation, ready to write.
 *
 * @param title            what was measured, e.g. {@code IBV question set (test split)}
 * @param description      a line on the data: how many questions, chunks, which split
 * @param runs             each retriever's run, by name, in the order given
 * @param refusalThreshold the confidence threshold refusals are measured at; empty when the data has no
 *                         unanswerable cases (RGB)
 */
public record EvalResults(String title, String description, Map<String, RetrieverRun> runs, OptionalDouble refusalThreshold) {
    public EvalResults {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        runs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(runs));
        if (runs.isEmpty()) throw new IllegalArgumentException("no retriever was run");
        Objects.requireNonNull(refusalThreshold, "refusalThreshold");
    }

    public static EvalResults of(String title, String description, List<RetrieverRun> runs, OptionalDouble refusalThreshold) {
        Map<String, RetrieverRun> byName = new LinkedHashMap<>();
        runs.forEach(run -> byName.put(run.name(), run));
        return new EvalResults(title, description, byName, refusalThreshold);
    }

    public MetricReport metrics(String retriever) {
        return runs.get(retriever).metrics();
    }

    /** Refusal metrics of a retriever at the threshold; empty without a threshold or without unanswerable cases. */
    public java.util.Optional<RefusalMetrics> refusal(String retriever) {
        if (refusalThreshold.isEmpty()) return java.util.Optional.empty();
        RetrieverRun run = runs.get(retriever);
        if (run.results().stream().allMatch(r -> r.evalCase().answerable())) return java.util.Optional.empty();
        return java.util.Optional.of(run.refusal(refusalThreshold.getAsDouble()));
    }
}
