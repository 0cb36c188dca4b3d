package org.ibvadvisor.retrieval;

/**
 * Finds the passages of the reports that answer a query. Implementations are thread-safe.
 */
public interface Retriever {
    /**
     * @return passages best first (at most {@code request.k()}), never null
     * @throws UnknownReportException when the request filters on a report the index does not hold
     */
    Retrieval retrieve(RetrievalRequest request);
}
