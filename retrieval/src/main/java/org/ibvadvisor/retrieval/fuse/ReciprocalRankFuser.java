package org.ibvadvisor.retrieval.fuse;

import java.util.List;
import java.util.Map;
import org.ibvadvisor.index.ScoredChunk;

/**
 * Weighted reciprocal-rank fusion: a chunk scores {@code sum over signals of weight / (k + rank)}.
 *
 * @param k       smoothing constant (60 in Cormack et al.); smaller lets top ranks dominate
 * @param weights weight per signal name; a signal not named weighs 1
 */
public record ReciprocalRankFuser(double k, Map<String, Double> weights) implements Fuser {
    public ReciprocalRankFuser {
        if (!(k >= 0)) throw new IllegalArgumentException("k must not be negative: " + k);
        weights = Map.copyOf(weights);
        weights.forEach((signal, weight) -> {
            if (!(weight >= 0)) throw new IllegalArgumentException("weight of " + signal + " must not be negative: " + weight);
        });
    }

    @Override
    public List<Fused> fuse(Map<String, List<ScoredChunk>> rankings) {
        HitsByChunk collected = new HitsByChunk();
        rankings.forEach((signal, hits) -> {
            double weight = weights.getOrDefault(signal, 1.0);
            for (int i = 0; i < hits.size(); i++) collected.add(signal, i + 1, hits.get(i), weight / (k + i + 1));
        });
        return collected.ranked();
    }
}
