package org.ibvadvisor.retrieval.confidence;

import java.util.List;
import java.util.Map;
import org.ibvadvisor.index.ScoredChunk;
import org.ibvadvisor.retrieval.fuse.Fused;
import org.ibvadvisor.retrieval.signal.SearchQuery;

/**
 * The default estimator: a logistic function of three {@link ConfidenceFeatures} — how much of the query one
 * sentence window covers, how far the best bigram BM25 score stands above the next, and the share of the query's
 * numbers (years, figures) missing from the top three chunks. Weights were fitted on the dev split (class-balanced
 * logistic regression) and the bias shifted by the log prior odds of an answerable question (about 9:1 there), so
 * the value reads as a probability that the reports answer the query. Rises with coverage and margin, falls with
 * missing numbers.
 *
 * @param sentenceWeight weight of {@link ConfidenceFeatures#sentence()}
 * @param ratioWeight    weight of the natural log of {@link ConfidenceFeatures#bigramRatio()}
 * @param missingWeight  weight of {@link ConfidenceFeatures#missingNumbers()} (negative)
 * @param bias           intercept
 */
public record SignalConfidence(double sentenceWeight, double ratioWeight, double missingWeight, double bias)
        implements ConfidenceEstimator {

    /** The weights fitted on the dev split. */
    public static SignalConfidence tuned() {
        return new SignalConfidence(4.0, 1.7, -4.8, 0.25);
    }

    @Override
    public double estimate(SearchQuery query, Map<String, List<ScoredChunk>> rankings, List<Fused> fused) {
        ConfidenceFeatures features = ConfidenceFeatures.of(query, rankings, fused);
        double logit = sentenceWeight * features.sentence()
                + ratioWeight * Math.log(Math.max(1, features.bigramRatio()))
                + missingWeight * features.missingNumbers()
                + bias;
        return 1 / (1 + Math.exp(-logit));
    }
}
