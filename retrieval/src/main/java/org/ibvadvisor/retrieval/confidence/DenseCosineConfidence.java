package org.ibvadvisor.retrieval.confidence;

import java.util.List;
import java.util.Map;
import org.ibvadvisor.index.ScoredChunk;
import org.ibvadvisor.retrieval.fuse.Fused;
import org.ibvadvisor.retrieval.signal.SearchQuery;

/**
 * Confidence from the best cosine similarity of the vector signal alone, scaled linearly from {@code low} (0) to
 * {@code high} (1). The simplest estimator; kept to compare the default against.
 */
public record DenseCosineConfidence(String denseSignal, double low, double high) implements ConfidenceEstimator {
    public DenseCosineConfidence {
        if (!(high > low)) throw new IllegalArgumentException("high " + high + " must exceed low " + low);
    }

    @Override
    public double estimate(SearchQuery query, Map<String, List<ScoredChunk>> rankings, List<Fused> fused) {
        List<ScoredChunk> dense = rankings.getOrDefault(denseSignal, List.of());
        if (dense.isEmpty()) return 0;
        return Math.clamp((dense.getFirst().score() - low) / (high - low), 0.0, 1.0);
    }
}
