package org.ibvadvisor.index;

import java.util.Objects;

/**
 * A chunk found by an ids-only search: its id and score, nothing read from the stored chunk.
 *
 * @param chunkId the chunk's id ({@code <reportId>#<ordinal>})
 * @param score   as in {@link ScoredChunk#score()}
 */
public record ChunkHit(String chunkId, float score) {
    public ChunkHit {
        Objects.requireNonNull(chunkId, "chunkId");
    }
}
