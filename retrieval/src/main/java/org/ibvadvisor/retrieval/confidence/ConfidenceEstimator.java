package org.ibvadvisor.retrieval.confidence;

import java.util.List;
import java.util.Map;
import org.ibvadvisor.index.ScoredChunk;
import org.ibvadvisor.retrieval.fuse.Fused;
import org.ibvadvisor.retrieval.signal.SearchQuery;

/** Says how sure retrieval is that the reports answer a query. Implementations are stateless and thread-safe. */
public interface ConfidenceEstimator {
    /**
     * @param rankings each signal's ranking, by signal name
     * @param fused    the fused ranking, best first
     * @return 0 (surely not answered) to 1 (surely answered); higher must mean more likely answered
     */
    double estimate(SearchQuery query, Map<String, List<ScoredChunk>> rankings, List<Fused> fused);
}
