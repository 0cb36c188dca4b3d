package org.ibvadvisor.retrieval.confidence;

import java.util.List;
import java.util.Map;
import org.ibvadvisor.index.ScoredChunk;
import org.ibvadvisor.retrieval.fuse.Fused;
import org.ibvadvisor.retrieval.signal.SearchQuery;

/**
 * The default estimator: a logistic function of two {@link ConfidenceFeatures} — how much of the query's term weight
 * one window of two sentences covers, and the share of the query's numbers (years, figures) missing from the top three
 * chunks. Weights were fitted on the dev split (class-balanced logistic regression; margins and score ratios of the
 * other signals added nothing that held up under leave-one-out) and the bias shifted by the log prior odds of an
 * answerable question there (about 9:1), so the value reads as a probability that the reports answer the query.
 * Rises with coverage, falls with missing numbers.
 *
 * @param sentenceWeight weight of {@link ConfidenceFeatures#sentence()}
 * @param missingWeight  weight of {@link ConfidenceFeatures#missingNumbers()} (negative)
 * @param bias           intercept
 */
public record SignalConfidence(double sentenceWeight, double missingWeight, double bias) implements ConfidenceEstimator {

    /** The weights fitted on the dev split. */
    public static SignalConfidence tuned() {
        return new SignalConfidence(5.8, -4.8, 0.0);
    }

    @Override
    public double estimate(SearchQuery query, Map<String, List<ScoredChunk>> rankings, List<Fused> fused) {
        ConfidenceFeatures features = ConfidenceFeatures.of(query, rankings, fused);
        double logit = sentenceWeight * features.sentence() + missingWeight * features.missingNumbers() + bias;
        return 1 / (1 + Math.exp(-logit));
    }
}
