package org.ibvadvisor.retrieval;

import java.util.Set;

/**
 * A query to retrieve passages for.
 *
 * @param query   the question, Chinese, English or mixed; not blank
 * @param k       how many passages to return, 1 to {@link #MAX_K}
 * @param reports report ids to restrict the search to; empty for all
 */
public record RetrievalRequest(String query, int k, Set<String> reports) {
    public static final int MAX_K = 50;
    public static final int DEFAULT_K = 10;
    public static final int MAX_QUERY_CHARS = 2000;

    public RetrievalRequest {
        if (query == null || query.isBlank()) throw new IllegalArgumentException("query must not be blank");
        if (query.length() > MAX_QUERY_CHARS) {
            throw new IllegalArgumentException("query has " + query.length() + " characters; at most " + MAX_QUERY_CHARS);
        }
        if (k < 1 || k > MAX_K) throw new IllegalArgumentException("k must be between 1 and " + MAX_K + ", was " + k);
        reports = reports == null ? Set.of() : Set.copyOf(reports);
    }

    public static RetrievalRequest of(String query) {
        return new RetrievalRequest(query, DEFAULT_K, Set.of());
    }
}
