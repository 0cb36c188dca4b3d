package org.ibvadvisor.retrieval;

import java.util.List;

/**
 * What a retrieval found.
 *
 * @param query      the query as asked
 * @param passages   best first
 * @param confidence how sure retrieval is that the reports answer the query, 0..1; below the tuned
 *                   threshold the answer pipeline refuses
 * @param timings    where the time went
 */
public record Retrieval(String query, List<Passage> passages, double confidence, Timings timings) {
    public Retrieval {
        passages = List.copyOf(passages);
    }

    /** Milliseconds spent embedding the query, searching, and in all. */
    public record Timings(double embedMs, double searchMs, double totalMs) {}
}
