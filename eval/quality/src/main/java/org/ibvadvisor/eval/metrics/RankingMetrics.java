package org.ibvadvisor.eval.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Ranking metrics of one judged question, and their means over many.
 * All metrics need a question with something relevant ({@link RankedJudgement#hasRelevant()}); they throw
 * {@link IllegalArgumentException} otherwise, and the means skip such questions. A cutoff {@code k} must be at
 * least 1; a ranking shorter than {@code k} is scored as it is (missing ranks count as not relevant).
 */
public final class RankingMetrics {
    private RankingMetrics() {
    }

    /** 1 when a relevant passage is among the first {@code k}, else 0. */
    public static double hitAt(RankedJudgement judgement, int k) {
        int rank = firstRelevantRankWithin(judgement, k);
        return rank > 0 ? 1.0 : 0.0;
    }

    /** The reciprocal of the first relevant rank when that is at most {@code k}, else 0 (the terms of MRR@k). */
    public static double reciprocalRankAt(RankedJudgement judgement, int k) {
        int rank = firstRelevantRankWithin(judgement, k);
        return rank > 0 ? 1.0 / rank : 0.0;
    }

    /**
     * nDCG@k with binary gains: DCG@k = sum over relevant ranks i <= k of 1 / log2(i + 1), divided by the ideal DCG,
     * which puts {@code min(totalRelevant, k)} relevant passages at the top.
     */
    public static double ndcgAt(RankedJudgement judgement, int k) {
        requireScorable(judgement, k);
        List<Boolean> ranks = judgement.relevantAtRank();
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranks.size()); i++) {
            if (ranks.get(i)) dcg += discount(i + 1);
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, judgement.totalRelevant()); i++) {
            ideal += discount(i + 1);
        }
        return dcg / ideal;
    }

    /**
     * Means of hit@k for each of {@code hitCutoffs}, and of MRR and nDCG at {@code cutoff}, over the questions that
     * have something relevant; empty when no such question is given.
     */
    public static Optional<MetricSummary> summarize(Collection<RankedJudgement> judgements, Collection<Integer> hitCutoffs,
                                          int cutoff) {
        requireCutoff(cutoff);
        hitCutoffs.forEach(RankingMetrics::requireCutoff);
        List<RankedJudgement> scorable = judgements.stream().filter(RankedJudgement::hasRelevant).toList();
        if (scorable.isEmpty()) return Optional.empty();
        Map<Integer, Double> hits = new TreeMap<>();
        for (int k : hitCutoffs) {
            hits.put(k, scorable.stream().mapToDouble(j -> hitAt(j, k)).average().orElseThrow());
        }
        double mrr = scorable.stream().mapToDouble(j -> reciprocalRankAt(j, cutoff)).average().orElseThrow();
        double ndcg = scorable.stream().mapToDouble(j -> ndcgAt(j, cutoff)).average().orElseThrow();
        return Optional.of(new MetricSummary(scorable.size(), hits, cutoff, mrr, ndcg));
    }

    /**
     * {@link #summarize} over all questions and per question type; types with nothing scorable are left out.
     * Fails when no question has anything relevant.
     */
    public static MetricReport report(Collection<RankedJudgement> judgements, Collection<Integer> hitCutoffs,
                                      int cutoff) {
        Map<String, List<RankedJudgement>> byType = new TreeMap<>();
        for (RankedJudgement judgement : judgements) {
            byType.computeIfAbsent(judgement.type(), type -> new ArrayList<>()).add(judgement);
        }
        Map<String, MetricSummary> summaries = new LinkedHashMap<>();
        byType.forEach((type, members) ->
                summarize(members, hitCutoffs, cutoff).ifPresent(summary -> summaries.put(type, summary)));
        MetricSummary overall = summarize(judgements, hitCutoffs, cutoff).orElseThrow(() ->
                new IllegalArgumentException("none of the " + judgements.size() + " questions has a relevant passage"));
        int unscored = (int) judgements.stream().filter(j -> !j.hasRelevant()).count();
        return new MetricReport(overall, summaries, unscored);
    }

    private static int firstRelevantRankWithin(RankedJudgement judgement, int k) {
        requireScorable(judgement, k);
        int rank = judgement.firstRelevantRank();
        return rank <= k ? rank : 0;
    }

    private static double discount(int rank) {
        return 1.0 / (Math.log(rank + 1) / Math.log(2));
    }

    private static void requireScorable(RankedJudgement judgement, int k) {
        requireCutoff(k);
        if (!judgement.hasRelevant()) {
            throw new IllegalArgumentException("question " + judgement.questionId()
                    + " has no relevant passage; ranking metrics are undefined for it");
        }
    }

    private static void requireCutoff(int k) {
        if (k < 1) throw new IllegalArgumentException("cutoff k must be at least 1: " + k);
    }
}
