package org.ibvadvisor.retrieval.signal;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.ibvadvisor.index.ChunkIndex;
import org.ibvadvisor.index.ScoredChunk;
import org.ibvadvisor.retrieval.catalog.ChunkCatalog;

/** Nearest chunks to the query vector (cosine similarity), taken from the in-memory catalog of the same index. */
public final class DenseSignal implements Signal {
    private final ChunkIndex index;
    private final ChunkCatalog catalog;
    private final String name;

    public DenseSignal(ChunkIndex index, ChunkCatalog catalog, String name) {
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
        if (query.vector() == null) throw new IllegalArgumentException("the dense signal needs a query vector");
        return catalog.resolve(index.searchVectorIds(query.vector(), depth, reports));
    }

    @Override
    public boolean needsVector() {
        return true;
    }
}
