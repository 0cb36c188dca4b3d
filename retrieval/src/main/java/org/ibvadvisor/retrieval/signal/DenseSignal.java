package org.ibvadvisor.retrieval.signal;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.ibvadvisor.index.ChunkIndex;
import org.ibvadvisor.index.ScoredChunk;

/** Nearest chunks to the query vector (cosine similarity). */
public final class DenseSignal implements Signal {
    private final ChunkIndex index;
    private final String name;

    public DenseSignal(ChunkIndex index, String name) {
        this.index = Objects.requireNonNull(index, "index");
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<ScoredChunk> search(SearchQuery query, int depth, Set<String> reports) {
        if (query.vector() == null) throw new IllegalArgumentException("the dense signal needs a query vector");
        return index.searchVector(query.vector(), depth, reports);
    }

    @Override
    public boolean needsVector() {
        return true;
    }
}
