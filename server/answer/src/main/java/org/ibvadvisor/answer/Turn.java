package org.ibvadvisor.answer;

import java.util.Objects;
import org.ibvadvisor.conversation.Role;

/**
 * One earlier message of a conversation, as context for a follow-up.
 *
 * @param role  who said it
 * @param text  what was said (an answer with its [n] marks)
 * @param query for a question: the standalone query it was answered with (itself condensed if it was a follow-up),
 *              or {@code null} when unknown; always {@code null} for an answer
 */
public record Turn(Role role, String text, String query) {

    public Turn {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
    }

    public static Turn user(String text, String query) {
        return new Turn(Role.USER, text, query);
    }

    public static Turn assistant(String text) {
        return new Turn(Role.ASSISTANT, text, null);
    }

    /** The question as a standalone query: {@link #query} when known, else the text. */
    public String standalone() {
        return query == null || query.isBlank() ? text : query;
    }
}
