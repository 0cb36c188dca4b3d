package org.ibvadvisor.retrieval.signal;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.ibvadvisor.index.LexicalField;
import org.ibvadvisor.index.ScoredChunk;
import org.ibvadvisor.retrieval.catalog.ChunkCatalog;
import org.ibvadvisor.retrieval.store.ChunkStore;

/**
 * BM25 over one lexical field of the store, searching {@link SearchQuery#lexicalText()}; the chunks found come from the
 * in-memory catalog of the same store (the search reads ids only).
 */
public final class LexicalSignal implements Signal {
    private final ChunkStore store;
    private final ChunkCatalog catalog;
    private final LexicalField field;
    private final String name;

    public LexicalSignal(ChunkStore store, ChunkCatalog catalog, LexicalField field, String name) {
        this.store = Objects.requireNonNull(store, "store");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.field = Objects.requireNonNull(field, "field");
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<ScoredChunk> search(SearchQuery query, int depth, Set<String> reports) {
        return catalog.resolve(store.searchText(field, query.lexicalText(), depth, reports));
    }
}
