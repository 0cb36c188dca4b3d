package org.ibvadvisor.retrieval.confidence;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ibvadvisor.index.ScoredChunk;
import org.ibvadvisor.retrieval.catalog.ChunkCatalog;
import org.ibvadvisor.retrieval.fuse.Fused;
import org.ibvadvisor.retrieval.query.Glossary;
import org.ibvadvisor.retrieval.signal.SearchQuery;

/**
 * The default estimator: a logistic function of two {@link ConfidenceFeatures} — how much of the query's term weight
 * one window of two sentences covers, and the share of its specific names (years, figures, Latin-script names,
 * Chinese proper nouns) that none of the top three chunks mentions in any written form, counting in an English
 * question only the names whose Chinese form is known ({@link ConfidenceFeatures#missingCheckedNames()}). Weights were fitted on the dev split (class-balanced logistic regression, L2 1, leave-one-out;
 * see {@code eval/reports/experiments.md}) and the bias shifted by the log prior odds of an answerable question there
 * (128:29), so the value reads as a probability that the reports answer the query. Rises with coverage, falls with
 * missing names.
 *
 * @param sentenceWeight weight of {@link ConfidenceFeatures#sentence()}
 * @param missingWeight  weight of {@link ConfidenceFeatures#missingCheckedNames()} (negative)
 * @param bias           intercept
 * @param names          finds the query's names and looks them up in the top chunks
 */
public record SignalConfidence(double sentenceWeight, double missingWeight, double bias, QueryNames names)
        implements ConfidenceEstimator {
    /** Share of chunks above which a name is too common to be specific (AI, CEO). */
    public static final double MAX_NAME_SHARE = 0.05;

    public SignalConfidence {
        Objects.requireNonNull(names, "names");
    }

    /** The weights fitted on the dev split, over the chunks of {@code catalog}. */
    public static SignalConfidence tuned(ChunkCatalog catalog) {
        return new SignalConfidence(2.02, -1.87, 0.94, new QueryNames(catalog, ProperNouns.bundled(), MAX_NAME_SHARE, List.of(Glossary.bundled(), Glossary.names())));
    }

    @Override
    public double estimate(SearchQuery query, Map<String, List<ScoredChunk>> rankings, List<Fused> fused) {
        ConfidenceFeatures features = ConfidenceFeatures.of(query, rankings, fused, names);
        double logit = sentenceWeight * features.sentence() + missingWeight * features.missingCheckedNames() + bias;
        return 1 / (1 + Math.exp(-logit));
    }
}
