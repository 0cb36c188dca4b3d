package org.ibvadvisor.eval.run;

import java.util.List;
import org.ibvadvisor.eval.metrics.ConfidenceJudgement;
import org.ibvadvisor.eval.metrics.MetricReport;
import org.ibvadvisor.eval.metrics.RankedJudgement;
import org.ibvadvisor.eval.metrics.RankingMetrics;
import org.ibvadvisor.eval.metrics.RefusalMetrics;

/**
 * One retriever's results over a set of cases.
 *
 * @param name    the retriever's name (a key of {@code summary.json})
 * @param results one per case, in case order
 */
public record RetrieverRun(String name, List<CaseResult> results) {
    /** hit@k cutoffs reported. */
    public static final List<Integer> HIT_CUTOFFS = List.of(1, 3, 5, 10);
    /** The k of MRR and nDCG. */
    public static final int CUTOFF = 10;

    public RetrieverRun {
        results = List.copyOf(results);
    }

    public List<RankedJudgement> judgements() {
        return results.stream().map(CaseResult::judgement).toList();
    }

    public List<ConfidenceJudgement> confidences() {
        return results.stream().map(CaseResult::confidence).toList();
    }

    /** hit@1/3/5/10, MRR@10, nDCG@10 overall and per type. */
    public MetricReport metrics() {
        return RankingMetrics.report(judgements(), HIT_CUTOFFS, CUTOFF);
    }

    /** Refusing below {@code threshold}: precision and recall on the unanswerable cases. */
    public RefusalMetrics refusal(double threshold) {
        return RefusalMetrics.at(confidences(), threshold);
    }

    /** Server-side retrieval time in ms at a percentile (0..100), over every case. */
    public double totalMsPercentile(double percentile) {
        double[] times = results.stream().mapToDouble(r -> r.retrieval().timings().totalMs()).sorted().toArray();
        if (times.length == 0) return 0;
        int index = (int) Math.ceil(percentile / 100.0 * times.length) - 1;
        return times[Math.clamp(index, 0, times.length - 1)];
    }

}
