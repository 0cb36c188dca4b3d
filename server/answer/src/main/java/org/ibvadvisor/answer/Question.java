package org.ibvadvisor.answer;

import java.util.Set;

/**
 * A question to answer.
 *
 * @param text           the question as asked (Chinese, English or mixed); not blank
 * @param conversationId the conversation to continue, or {@code null} to start a new one
 * @param reports        report ids to restrict the answer to; empty for all
 */
public record Question(String text, String conversationId, Set<String> reports) {
    public static final int MAX_CHARS = 2000;

    public Question {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("question must not be blank");
        if (text.length() > MAX_CHARS) {
            throw new IllegalArgumentException("question has " + text.length() + " characters; at most " + MAX_CHARS);
        }
        reports = reports == null ? Set.of() : Set.copyOf(reports);
    }
}
