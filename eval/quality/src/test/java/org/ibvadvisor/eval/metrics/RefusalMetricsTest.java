package org.ibvadvisor.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RefusalMetricsTest {
    private static final double EPS = 1e-12;

    // Three unanswerable questions (u1..u3) and two answerable ones (a1, a2).
    private static final List<ConfidenceJudgement> JUDGEMENTS = List.of(
            new ConfidenceJudgement("u1", false, 0.1),
            new ConfidenceJudgement("u2", false, 0.4),
            new ConfidenceJudgement("a1", true, 0.3),
            new ConfidenceJudgement("a2", true, 0.9),
            new ConfidenceJudgement("u3", false, 0.8));

    @ParameterizedTest(name = "[{index}] threshold {0}: {5}")
    @CsvSource(delimiter = '|', textBlock = """
            0.5  | 2 | 1 | 1 | 1 | refuses u1, u2 and a1
            0.4  | 1 | 1 | 2 | 1 | refuses u1 and a1; u2 sits on the threshold and is answered
            0.3  | 1 | 0 | 2 | 2 | refuses u1; a1 sits on the threshold and is answered
            0.1  | 0 | 0 | 3 | 2 | refuses nothing
            1.0  | 3 | 2 | 0 | 0 | refuses everything
            """)
    void counts_follow_the_strictly_below_threshold_rule(double threshold, int tp, int fp, int fn, int tn, String why) {
        RefusalMetrics metrics = RefusalMetrics.at(JUDGEMENTS, threshold);
        assertEquals(new RefusalMetrics(threshold, tp, fp, fn, tn), metrics);
    }

    @ParameterizedTest(name = "[{index}] threshold {0}: precision {1}, recall {2}")
    @CsvSource({
            "0.5, 0.6666666666666666, 0.6666666666666666, 0.6666666666666666",
            "0.4, 0.5, 0.3333333333333333, 0.4",
            "0.3, 1.0, 0.3333333333333333, 0.5",
            "0.1, 0.0, 0.0, 0.0",
            "1.0, 0.6, 1.0, 0.75"})
    void precision_recall_and_f1_match_hand_computed_values(double threshold, double precision, double recall, double f1) {
        RefusalMetrics metrics = RefusalMetrics.at(JUDGEMENTS, threshold);
        assertEquals(precision, metrics.precision(), EPS, "precision");
        assertEquals(recall, metrics.recall(), EPS, "recall");
        assertEquals(f1, metrics.f1(), EPS, "f1");
    }

    @Test
    void recall_is_zero_without_unanswerable_questions() {
        RefusalMetrics metrics = RefusalMetrics.at(List.of(new ConfidenceJudgement("a", true, 0.2)), 0.5);
        assertEquals(0.0, metrics.recall());
        assertEquals(0.0, metrics.precision());
    }

    @Test
    void curve_runs_from_refusing_nothing_to_refusing_everything() {
        List<RefusalMetrics> curve = RefusalMetrics.curve(JUDGEMENTS);

        assertEquals(List.of(0.1, 0.3, 0.4, 0.8, 0.9, Math.nextUp(0.9)),
                curve.stream().map(RefusalMetrics::threshold).toList());
        assertEquals(0, curve.getFirst().truePositives() + curve.getFirst().falsePositives());
        assertEquals(new RefusalMetrics(Math.nextUp(0.9), 3, 2, 0, 0), curve.getLast());
        assertEquals(RefusalMetrics.at(JUDGEMENTS, 0.8), curve.get(3));
        assertEquals(List.of(), RefusalMetrics.curve(List.of()));
    }

    @Test
    void a_nan_confidence_is_rejected() {
        assertThrows(IllegalArgumentException.class, () -> new ConfidenceJudgement("q", true, Double.NaN));
    }
}
