package org.ibvadvisor.index;

import java.util.Objects;
import org.ibvadvisor.chunk.Chunk;

/**
 * A chunk found by a search.
 *
 * @param chunk the chunk, as stored
 * @param score BM25 score for word searches; cosine similarity (-1..1) for vector searches. Higher is better;
 *              scores of different searches are not comparable.
 */
public record ScoredChunk(Chunk chunk, float score) {
    public ScoredChunk {
        Objects.requireNonNull(chunk, "chunk");
    }
}
