package org.ibvadvisor.answer;

import java.util.Objects;

/**
 * An answer to one turn of a conversation, with the standalone query it was answered with (to condense the
 * follow-ups of this turn from).
 */
public record TurnAnswer(Answer answer, String query) {
    public TurnAnswer {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(query, "query");
    }
}
