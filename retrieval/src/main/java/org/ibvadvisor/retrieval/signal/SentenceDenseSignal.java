package org.ibvadvisor.retrieval.signal;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.ibvadvisor.index.ChunkHit;
import org.ibvadvisor.index.ChunkIndex;
import org.ibvadvisor.index.ScoredChunk;
import org.ibvadvisor.retrieval.catalog.ChunkCatalog;

/**
 * Chunks by their sentence nearest to the query vector (cosine): a question restating one sentence finds it even when
 * the rest of the chunk is about something else, which dilutes the chunk's own vector. Looks at the
 * {@value #SENTENCES_PER_CHUNK}·depth nearest sentences; the chunks come from the in-memory catalog.
 */
public final class SentenceDenseSignal implements Signal {
    /** Nearest sentences looked at per chunk wanted (a chunk has about seven). */
    static final int SENTENCES_PER_CHUNK = 4;

    private final ChunkIndex index;
    private final ChunkCatalog catalog;
    private final String name;

    public SentenceDenseSignal(ChunkIndex index, ChunkCatalog catalog, String name) {
        this.index = Objects.requireNonNull(index, "index");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<ScoredChunk> search(SearchQuery query, int depth, Set<String> reports) {
        if (query.vector() == null) throw new IllegalArgumentException("the sentence vector signal needs a query vector");
        List<ChunkHit> hits = index.searchSentenceIds(query.vector(), depth * SENTENCES_PER_CHUNK, reports);
        return catalog.resolve(hits.size() > depth ? hits.subList(0, depth) : hits);
    }

    @Override
    public boolean needsVector() {
        return true;
    }
}
