package org.ibvadvisor.retrieval.signal;

import java.util.Objects;

/**
 * A query made ready for the signals.
 *
 * @param text        the query as asked
 * @param lexicalText what word signals search for: the query, plus translations of its English terms
 * @param vector      the query's unit vector, or {@code null} when no dense signal is used
 */
public record SearchQuery(String text, String lexicalText, float[] vector) {
    public SearchQuery {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(lexicalText, "lexicalText");
    }
}
