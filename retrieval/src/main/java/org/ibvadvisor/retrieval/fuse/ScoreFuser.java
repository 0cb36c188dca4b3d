package org.ibvadvisor.retrieval.fuse;

import java.util.List;
import java.util.Map;
import org.ibvadvisor.index.ScoredChunk;

/**
 * Convex combination of normalised scores: each signal's scores are scaled to 0..1 by its best score and a floor,
 * {@code (score - floor) / (best - floor)}, and a chunk scores the weighted sum (0 from a signal that missed it).
 * The floor of a signal is its lowest returned score unless {@code floors} fixes one (e.g. a cosine below which
 * nothing is related).
 *
 * @param weights weight per signal name; a signal not named weighs 1
 * @param floors  fixed floor per signal name; others use their lowest returned score
 */
public record ScoreFuser(Map<String, Double> weights, Map<String, Double> floors) implements Fuser {
    public ScoreFuser {
        weights = Map.copyOf(weights);
        floors = Map.copyOf(floors);
    }

    @Override
    public List<Fused> fuse(Map<String, List<ScoredChunk>> rankings) {
        HitsByChunk collected = new HitsByChunk();
        rankings.forEach((signal, hits) -> {
            if (hits.isEmpty()) return;
            double weight = weights.getOrDefault(signal, 1.0);
            double best = hits.getFirst().score();
            double floor = floors.containsKey(signal) ? floors.get(signal) : hits.getLast().score();
            double range = best - floor;
            for (int i = 0; i < hits.size(); i++) {
                double normalised = range > 0 ? Math.max(0, (hits.get(i).score() - floor) / range) : 1.0;
                collected.add(signal, i + 1, hits.get(i), weight * normalised);
            }
        });
        return collected.ranked();
    }
}
