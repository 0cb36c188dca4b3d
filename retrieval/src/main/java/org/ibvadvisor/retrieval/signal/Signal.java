package org.ibvadvisor.retrieval.signal;

import java.util.List;
import java.util.Set;
import org.ibvadvisor.index.ScoredChunk;

/** Ranks chunks for a query by one kind of evidence. Implementations are thread-safe. */
public interface Signal {
    /** Short stable name, the key of {@code Passage.ranks()}: e.g. {@code bm25}, {@code dense}. */
    String name();

    /**
     * @param depth   most chunks to return, at least 1
     * @param reports report ids to search in; empty for all
     * @return best first, never null
     */
    List<ScoredChunk> search(SearchQuery query, int depth, Set<String> reports);

    /** Whether {@link #search} reads {@link SearchQuery#vector()}. */
    default boolean needsVector() {
        return false;
    }
}
