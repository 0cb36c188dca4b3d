package org.ibvadvisor.retrieval.fuse;

import java.util.List;
import java.util.Map;
import org.ibvadvisor.index.ScoredChunk;

/** Turns several rankings of chunks into one. Implementations are stateless and thread-safe. */
public interface Fuser {
    /**
     * @param rankings each signal's ranking, best first, by signal name; a chunk appears at most once per ranking
     * @return every chunk found by any signal, once, best first; ties broken by best single rank, then chunk id
     */
    List<Fused> fuse(Map<String, List<ScoredChunk>> rankings);
}
