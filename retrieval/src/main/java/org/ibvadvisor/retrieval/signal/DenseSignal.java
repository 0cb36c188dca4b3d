package org.ibvadvisor.retrieval.signal;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.ibvadvisor.index.ChunkHit;
import org.ibvadvisor.index.ScoredChunk;
import org.ibvadvisor.retrieval.catalog.ChunkCatalog;
import org.ibvadvisor.retrieval.store.ChunkStore;

/**
 * Chunks nearest to the query vector (cosine similarity), by the chunk's own vector ({@link #overChunks}) or by its
 * sentence nearest to the query ({@link #overSentences}); the chunks come from the in-memory catalog of the same store.
 */
public final class DenseSignal implements Signal {
    /**
     * Nearest sentences looked at per chunk wanted, over sentences (a chunk has about seven). 2 ranks as 4 did on the
     * dev split (MRR@10 0.917 against 0.916) and RGB-zh (0.849 against 0.851) at two thirds of the search time
     * (0.19 against 0.30 ms a query).
     */
    static final int SENTENCES_PER_CHUNK = 2;

    /** The store's nearest-neighbour search this signal runs: at most {@code depth} chunk hits, best first. */
    private interface Nearest {
        List<ChunkHit> search(ChunkStore store, float[] vector, int depth, Set<String> reports);
    }

    private final ChunkStore store;
    private final ChunkCatalog catalog;
    private final String name;
    private final Nearest nearest;

    private DenseSignal(ChunkStore store, ChunkCatalog catalog, String name, Nearest nearest) {
        this.store = Objects.requireNonNull(store, "store");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.name = Objects.requireNonNull(name, "name");
        this.nearest = nearest;
    }

    /** Same as {@link #overChunks}. */
    public DenseSignal(ChunkStore store, ChunkCatalog catalog, String name) {
        this(store, catalog, name, ChunkStore::searchVector);
    }

    /** Chunks by their own vector. */
    public static DenseSignal overChunks(ChunkStore store, ChunkCatalog catalog, String name) {
        return new DenseSignal(store, catalog, name);
    }

    /**
     * Chunks by their sentence nearest to the query vector: a question restating one sentence finds it even when the
     * rest of the chunk is about something else, which dilutes the chunk's own vector. Looks at the
     * {@value #SENTENCES_PER_CHUNK}·depth nearest sentences.
     */
    public static DenseSignal overSentences(ChunkStore store, ChunkCatalog catalog, String name) {
        return new DenseSignal(store, catalog, name, (in, vector, depth, reports) -> {
            List<ChunkHit> hits = in.searchSentences(vector, depth * SENTENCES_PER_CHUNK, reports);
            return hits.size() > depth ? hits.subList(0, depth) : hits;
        });
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<ScoredChunk> search(SearchQuery query, int depth, Set<String> reports) {
        if (query.vector() == null) throw new IllegalArgumentException("the " + name + " signal needs a query vector");
        return catalog.resolve(nearest.search(store, query.vector(), depth, reports));
    }

    @Override
    public boolean needsVector() {
        return true;
    }
}
