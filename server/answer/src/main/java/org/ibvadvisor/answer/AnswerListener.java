package org.ibvadvisor.answer;

import java.util.List;
import org.ibvadvisor.retrieval.Passage;

/**
 * Receives an answer as it is made. Called on the answering thread, in order: {@link #passages} once,
 * then {@link #token} any number of times. Implementations must be quick (they run between tokens).
 */
public interface AnswerListener {
    AnswerListener NONE = new AnswerListener() {};

    /** The candidate sources, numbered 1.. in the order the answer cites them as [n]. */
    default void passages(String conversationId, List<Passage> passages) {}

    /** A text delta of the answer. */
    default void token(String text) {}

    /** Whether the asker has gone away; when true the answerer stops as soon as it can. */
    default boolean cancelled() {
        return false;
    }
}
