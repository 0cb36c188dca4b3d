package org.ibvadvisor.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RankingMetricsTest {
    private static final double EPS = 1e-12;

    /** "T.F" is relevant at rank 1 and 3 of a three-passage ranking; "" is an empty ranking. */
    private static RankedJudgement judged(String ranks, int totalRelevant) {
        return judged("q", "fact", ranks, totalRelevant);
    }

    private static RankedJudgement judged(String id, String type, String ranks, int totalRelevant) {
        List<Boolean> relevant = new ArrayList<>();
        for (char c : ranks.toCharArray()) relevant.add(c == 'T');
        return new RankedJudgement(id, type, relevant, totalRelevant);
    }

    // Values computed by hand: DCG terms are 1/log2(rank+1): rank 1 -> 1, rank 2 -> 0.6309297535714575,
    // rank 3 -> 0.5, rank 4 -> 0.43067655807339306.
    @ParameterizedTest(name = "[{index}] {0}: ranks ''{1}'', {2} relevant, k={3}")
    @CsvSource(delimiter = '|', textBlock = """
            relevant at rank 1                    | TFF  | 1 | 3  | 1 | 1.0                | 1.0
            nothing relevant found                | FFF  | 2 | 3  | 0 | 0.0                | 0.0
            empty ranking                         | ''   | 1 | 5  | 0 | 0.0                | 0.0
            relevant at rank 3                    | FFT  | 1 | 10 | 1 | 0.3333333333333333 | 0.5
            relevant just beyond the cutoff       | FFT  | 1 | 2  | 0 | 0.0                | 0.0
            k larger than the ranking             | FT   | 1 | 10 | 1 | 0.5                | 0.6309297535714575
            two relevant, both found              | TFT  | 2 | 3  | 1 | 1.0                | 0.9197207891481876
            two relevant, at ranks 2 and 4        | FTFT | 2 | 10 | 1 | 0.5                | 0.6509209298071326
            three relevant, ideal capped at k     | FTT  | 3 | 2  | 1 | 0.5                | 0.38685280723454163
            more relevant exist than were found   | T    | 3 | 5  | 1 | 1.0                | 0.46927872602275644
            all relevant at the top is ideal      | TTF  | 2 | 10 | 1 | 1.0                | 1.0
            """)
    void metrics_of_one_ranking_match_hand_computed_values(String caseName, String ranks, int totalRelevant, int k,
                                                            double hit, double reciprocalRank, double ndcg) {
        RankedJudgement judgement = judged(ranks, totalRelevant);
        assertEquals(hit, RankingMetrics.hitAt(judgement, k), EPS, "hit@" + k);
        assertEquals(reciprocalRank, RankingMetrics.reciprocalRankAt(judgement, k), EPS, "RR@" + k);
        assertEquals(ndcg, RankingMetrics.ndcgAt(judgement, k), EPS, "nDCG@" + k);
    }

    @ParameterizedTest(name = "hit@{0} of a ranking relevant first at rank 3 is {1}")
    @CsvSource({"1, 0", "2, 0", "3, 1", "10, 1"})
    void hit_at_k_turns_on_at_the_first_relevant_rank(int k, double expected) {
        assertEquals(expected, RankingMetrics.hitAt(judged("FFTT", 2), k));
    }

    @Test
    void metrics_are_undefined_for_a_question_with_nothing_relevant() {
        RankedJudgement unanswerable = judged("FFF", 0);
        assertThrows(IllegalArgumentException.class, () -> RankingMetrics.hitAt(unanswerable, 5));
        assertThrows(IllegalArgumentException.class, () -> RankingMetrics.reciprocalRankAt(unanswerable, 5));
        assertThrows(IllegalArgumentException.class, () -> RankingMetrics.ndcgAt(unanswerable, 5));
    }

    @Test
    void a_cutoff_below_one_is_rejected() {
        assertThrows(IllegalArgumentException.class, () -> RankingMetrics.hitAt(judged("T", 1), 0));
        assertThrows(IllegalArgumentException.class, () -> RankingMetrics.summarize(List.of(judged("T", 1)), List.of(1), 0));
    }

    @Test
    void a_judgement_cannot_find_more_relevant_passages_than_exist() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> judged("TT", 1));
        assertEquals("question q: 2 relevant passages returned but totalRelevant is 1", e.getMessage());
    }

    @Test
    void report_averages_overall_and_per_type_and_leaves_unanswerable_questions_out() {
        List<RankedJudgement> judgements = List.of(
                judged("a", "fact", "TFF", 1),      // hit@1 1, RR 1,   nDCG 1
                judged("b", "fact", "FFT", 1),      // hit@1 0, RR 1/3, nDCG 0.5
                judged("c", "english", "FFFF", 1),  // nothing found
                judged("d", "unanswerable", "FFF", 0));

        MetricReport report = RankingMetrics.report(judgements, List.of(5, 1), 10);

        assertEquals(1, report.unscored());
        assertEquals(Set.of("fact", "english"), report.byType().keySet());
        MetricSummary overall = report.overall();
        assertEquals(3, overall.questions());
        assertEquals(1.0 / 3, overall.hitAt(1), EPS);
        assertEquals(2.0 / 3, overall.hitAt(5), EPS);
        assertEquals((1 + 1.0 / 3) / 3, overall.mrr(), EPS);
        assertEquals(1.5 / 3, overall.ndcg(), EPS);
        MetricSummary fact = report.byType().get("fact");
        assertEquals(2, fact.questions());
        assertEquals(0.5, fact.hitAt(1), EPS);
        assertEquals(2.0 / 3, fact.mrr(), EPS);
        assertEquals(0.75, fact.ndcg(), EPS);
        assertEquals(0.0, report.byType().get("english").hitAt(5), EPS);
    }

    @Test
    void summary_map_uses_the_summary_json_keys_in_order() {
        MetricSummary summary = RankingMetrics.summarize(List.of(judged("FT", 1)), List.of(10, 1, 5, 3), 10).orElseThrow();
        assertEquals(List.of("hit@1", "hit@3", "hit@5", "hit@10", "mrr@10", "ndcg@10"), List.copyOf(summary.toMap().keySet()));
        assertEquals(Map.entry("mrr@10", 0.5), summary.toMap().entrySet().stream()
                .filter(e -> e.getKey().startsWith("mrr")).findFirst().orElseThrow());
    }

    @Test
    void summarizing_only_unanswerable_questions_gives_nothing_and_a_report_of_them_fails() {
        List<RankedJudgement> onlyUnanswerable = List.of(judged("F", 0));
        assertEquals(java.util.Optional.empty(), RankingMetrics.summarize(onlyUnanswerable, List.of(1), 10));
        assertThrows(IllegalArgumentException.class, () -> RankingMetrics.report(onlyUnanswerable, List.of(1), 10));
    }
}
