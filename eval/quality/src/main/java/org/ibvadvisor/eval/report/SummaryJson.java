package org.ibvadvisor.eval.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.ibvadvisor.eval.metrics.MetricReport;
import org.ibvadvisor.eval.metrics.MetricSummary;
import org.ibvadvisor.eval.metrics.RefusalMetrics;

/**
 * {@code summary.json}: {@code {"retrievers":{"<name>":{"hit@1",…,"mrr@10","ndcg@10","byType":{"<type>":{…}}}}}},
 * then, beside {@code retrievers}, what else was measured: {@code refusal} per retriever (threshold, precision,
 * recall, counts) and {@code latencyMs} per retriever (p50, p99 of server-side retrieval).
 */
public final class SummaryJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryJson() {
    }

    public static String write(EvalResults results) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode retrievers = root.putObject("retrievers");
        results.runs().keySet().forEach(name -> {
            MetricReport metrics = results.metrics(name);
            ObjectNode node = retrievers.putObject(name);
            put(node, metrics.overall());
            ObjectNode byType = node.putObject("byType");
            metrics.byType().forEach((type, summary) -> put(byType.putObject(type), summary));
        });
        ObjectNode refusal = MAPPER.createObjectNode();
        results.runs().keySet().forEach(name -> results.refusal(name).ifPresent(r -> put(refusal.putObject(name), r)));
        if (!refusal.isEmpty()) root.set("refusal", refusal);
        ObjectNode latency = root.putObject("latencyMs");
        results.runs().forEach((name, run) -> latency.putObject(name)
                .put("p50", round(run.totalMsPercentile(50))).put("p99", round(run.totalMsPercentile(99))));
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(ObjectNode node, MetricSummary summary) {
        for (Map.Entry<String, Double> metric : summary.toMap().entrySet()) node.put(metric.getKey(), round(metric.getValue()));
    }

    private static void put(ObjectNode node, RefusalMetrics refusal) {
        node.put("threshold", refusal.threshold())
                .put("precision", round(refusal.precision()))
                .put("recall", round(refusal.recall()))
                .put("refusedUnanswerable", refusal.truePositives())
                .put("refusedAnswerable", refusal.falsePositives())
                .put("answeredUnanswerable", refusal.falseNegatives());
    }

    static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}
