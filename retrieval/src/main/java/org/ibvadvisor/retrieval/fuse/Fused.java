package org.ibvadvisor.retrieval.fuse;

import java.util.Map;
import java.util.Objects;
import org.ibvadvisor.chunk.Chunk;

/**
 * A chunk with its fused score and what each signal said about it.
 *
 * @param chunk  the chunk
 * @param score  fused score, higher is better; comparable only within one fusion
 * @param ranks  1-based rank under each signal that found it, by signal name
 * @param scores the raw score under each signal that found it, by signal name
 */
public record Fused(Chunk chunk, double score, Map<String, Integer> ranks, Map<String, Double> scores) {
    public Fused {
        Objects.requireNonNull(chunk, "chunk");
        ranks = Map.copyOf(ranks);
        scores = Map.copyOf(scores);
    }

    /** The best (lowest) rank under any signal. */
    public int bestRank() {
        return ranks.values().stream().mapToInt(Integer::intValue).min().orElse(Integer.MAX_VALUE);
    }
}
