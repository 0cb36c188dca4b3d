package org.ibvadvisor.eval.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * How well a confidence threshold separates unanswerable questions from answerable ones. A question is refused
 * when its confidence is strictly below the threshold. The positive class is "refused": a true positive is an
 * unanswerable question refused, a false positive an answerable one refused, a false negative an unanswerable one
 * answered.
 *
 * @param threshold      the threshold the counts are for
 * @param truePositives  unanswerable and refused
 * @param falsePositives answerable but refused
 * @param falseNegatives unanswerable but answered
 * @param trueNegatives  answerable and answered
 */
public record RefusalMetrics(double threshold, int truePositives, int falsePositives, int falseNegatives,
                             int trueNegatives) {
    public RefusalMetrics {
        if (truePositives < 0 || falsePositives < 0 || falseNegatives < 0 || trueNegatives < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** Counts the outcomes of refusing below {@code threshold}. */
    public static RefusalMetrics at(Collection<ConfidenceJudgement> judgements, double threshold) {
        if (Double.isNaN(threshold)) throw new IllegalArgumentException("threshold is NaN");
        int tp = 0, fp = 0, fn = 0, tn = 0;
        for (ConfidenceJudgement judgement : judgements) {
            boolean refused = judgement.confidence() < threshold;
            if (refused && !judgement.answerable()) tp++;
            else if (refused) fp++;
            else if (!judgement.answerable()) fn++;
            else tn++;
        }
        return new RefusalMetrics(threshold, tp, fp, fn, tn);
    }

    /**
     * The metrics at every threshold that changes the outcome, ascending: each distinct confidence (refusing what lies
     * below it), then one just above the highest confidence (refusing everything). Empty input gives an empty list.
     */
    public static List<RefusalMetrics> curve(Collection<ConfidenceJudgement> judgements) {
        TreeSet<Double> thresholds = new TreeSet<>();
        judgements.forEach(judgement -> thresholds.add(judgement.confidence()));
        if (thresholds.isEmpty()) return List.of();
        thresholds.add(Math.nextUp(thresholds.last()));
        List<RefusalMetrics> points = new ArrayList<>();
        for (double threshold : thresholds) points.add(at(judgements, threshold));
        return List.copyOf(points);
    }

    /** Share of refusals that were right; 0 when nothing was refused, so a threshold that refuses nothing never passes a gate. */
    public double precision() {
        int refused = truePositives + falsePositives;
        return refused == 0 ? 0.0 : (double) truePositives / refused;
    }

    /** Share of unanswerable questions refused; 0 when there were none. */
    public double recall() {
        int unanswerable = truePositives + falseNegatives;
        return unanswerable == 0 ? 0.0 : (double) truePositives / unanswerable;
    }

    /** Harmonic mean of precision and recall; 0 when both are 0. */
    public double f1() {
        double p = precision(), r = recall();
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }
}
