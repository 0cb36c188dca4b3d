package org.ibvadvisor.retrieval.signal;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.ibvadvisor.index.ChunkIndex;
import org.ibvadvisor.index.LexicalField;
import org.ibvadvisor.index.ScoredChunk;

/** BM25 over one lexical field of the index, searching {@link SearchQuery#lexicalText()}. */
public final class LexicalSignal implements Signal {
    private final ChunkIndex index;
    private final LexicalField field;
    private final String name;

    public LexicalSignal(ChunkIndex index, LexicalField field, String name) {
        this.index = Objects.requireNonNull(index, "index");
        this.field = Objects.requireNonNull(field, "field");
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<ScoredChunk> search(SearchQuery query, int depth, Set<String> reports) {
        return index.searchText(field, query.lexicalText(), depth, reports);
    }
}
