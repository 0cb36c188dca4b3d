package org.ibvadvisor.answer;

import java.util.Objects;
import java.util.Set;
import org.ibvadvisor.answer.text.Language;

/**
 * A question to answer.
 *
 * @param text           the question as asked (Chinese, English or mixed); not blank
 * @param conversationId the conversation to continue, or {@code null} to start a new one
 * @param reports        report ids to restrict the answer to; empty for all
 * @param language       the language the question is answered in, decided once from its text
 * @param caller         who asks
 */
public record Question(String text, String conversationId, Set<String> reports, Language language, Caller caller) {
    public static final int MAX_CHARS = 2000;

    public Question {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("question must not be blank");
        if (text.length() > MAX_CHARS) {
            throw new IllegalArgumentException("question has " + text.length() + " characters; at most " + MAX_CHARS);
        }
        reports = reports == null ? Set.of() : Set.copyOf(reports);
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(caller, "caller");
    }

    /** A question of the {@link Caller#LOCAL local} caller, in the language of its text. */
    public Question(String text, String conversationId, Set<String> reports) {
        this(text, conversationId, reports, text == null ? Language.ZH : Language.of(text), Caller.LOCAL);
    }

    /** The same question, asked by {@code caller}. */
    public Question askedBy(Caller caller) {
        return new Question(text, conversationId, reports, language, caller);
    }

    /** The same question, continuing conversation {@code id} ({@code null}: a new one). */
    public Question continuing(String id) {
        return new Question(text, id, reports, language, caller);
    }
}
