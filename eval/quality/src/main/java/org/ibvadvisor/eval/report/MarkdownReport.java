package org.ibvadvisor.eval.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.ibvadvisor.eval.metrics.MetricSummary;
import org.ibvadvisor.eval.metrics.RefusalMetrics;
import org.ibvadvisor.eval.run.CaseResult;
import org.ibvadvisor.eval.run.RetrieverRun;

/** The readable report: overall and per-type tables, refusals, latency, the chart, and the hybrid's misses. */
public final class MarkdownReport {
    private static final String[] KEYS = {"hit@1", "hit@3", "hit@5", "hit@10", "mrr@10", "ndcg@10"};

    private MarkdownReport() {
    }

    /** The overall table and the refusal lines, for the console. */
    public static String table(EvalResults results) {
        StringBuilder out = new StringBuilder();
        out.append(header("retriever"));
        results.runs().keySet().forEach(name -> out.append(row(name, results.metrics(name).overall())));
        results.runs().keySet().forEach(name -> results.refusal(name).ifPresent(r -> out.append(refusalLine(name, r)).append('\n')));
        return out.toString();
    }

    public static String write(EvalResults results, String chartFile) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(results.title()).append("\n\n").append(results.description()).append("\n\n");
        out.append("## Overall\n\n").append(header("retriever"));
        results.runs().keySet().forEach(name -> out.append(row(name, results.metrics(name).overall())));
        out.append("\n![hit@k, MRR@10 and nDCG@10 overall and per type](").append(chartFile).append(")\n\n");

        TreeSet<String> types = new TreeSet<>();
        results.runs().keySet().forEach(name -> types.addAll(results.metrics(name).byType().keySet()));
        if (types.size() > 1) {
            out.append("## By type\n\n");
            for (String type : types) {
                out.append("### ").append(type).append("\n\n").append(header("retriever"));
                results.runs().keySet().forEach(name -> {
                    MetricSummary summary = results.metrics(name).byType().get(type);
                    if (summary != null) out.append(row(name, summary));
                });
                out.append('\n');
            }
        }
        List<String> refusals = new ArrayList<>();
        results.runs().keySet().forEach(name -> results.refusal(name).ifPresent(r -> refusals.add("- " + refusalLine(name, r))));
        if (!refusals.isEmpty()) {
            out.append("## Refusals\n\nA question is refused when the retriever's confidence is below the threshold; ")
                    .append("precision is the share of refusals that were unanswerable questions, recall the share of ")
                    .append("unanswerable questions refused.\n\n").append(String.join("\n", refusals)).append("\n\n");
        }
        out.append("## Latency\n\nServer-side retrieval time per query over this run (embedding included), ms:\n\n");
        results.runs().forEach((name, run) -> out.append(String.format(Locale.ROOT, "- %s: p50 %.2f, p99 %.2f%n",
                name, run.totalMsPercentile(50), run.totalMsPercentile(99))));
        RetrieverRun main = results.runs().getOrDefault("hybrid", results.runs().values().iterator().next());
        List<String> misses = new ArrayList<>();
        for (CaseResult result : main.results()) {
            if (!result.evalCase().answerable()) continue;
            int rank = result.relevantAtRank().indexOf(Boolean.TRUE) + 1;
            if (rank == 0 || rank > 5) {
                misses.add(String.format(Locale.ROOT, "| %s | %s | %s | %s |", result.evalCase().id(), result.evalCase().type(),
                        rank == 0 ? "–" : String.valueOf(rank), result.evalCase().query().replace("|", "\\|")));
            }
        }
        if (!misses.isEmpty() && misses.size() <= 60) {
            out.append("\n## Not in the top 5 for ").append(main.name()).append("\n\n| id | type | first relevant rank | query |\n|---|---|---|---|\n")
                    .append(String.join("\n", misses)).append('\n');
        }
        return out.toString();
    }

    private static String header(String first) {
        return "| " + first + " | n | " + String.join(" | ", KEYS) + " |\n|---|---|" + "---|".repeat(KEYS.length) + "\n";
    }

    private static String row(String name, MetricSummary summary) {
        Map<String, Double> map = summary.toMap();
        StringBuilder row = new StringBuilder("| ").append(name).append(" | ").append(summary.questions()).append(" |");
        for (String key : KEYS) row.append(String.format(Locale.ROOT, " %.3f |", map.getOrDefault(key, Double.NaN)));
        return row.append('\n').toString();
    }

    private static String refusalLine(String name, RefusalMetrics r) {
        return String.format(Locale.ROOT, "refusal (%s, confidence < %.2f): precision %.3f, recall %.3f "
                        + "(%d unanswerable refused, %d answerable refused, %d unanswerable answered)",
                name, r.threshold(), r.precision(), r.recall(), r.truePositives(), r.falsePositives(), r.falseNegatives());
    }
}
