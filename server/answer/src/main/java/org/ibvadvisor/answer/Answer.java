package org.ibvadvisor.answer;

import java.util.List;

/**
 * A finished answer: the text with [n] citation marks, and what each mark points to.
 *
 * @param conversationId the conversation the answer was stored in
 * @param messageId      the stored assistant message (for feedback), or {@code null} when not stored
 * @param answer         the answer text (Markdown), with [n] marks
 * @param mode           how it was made
 * @param citations      the passages the text cites, by n
 * @param warnings       what the reader should know (unverified figures, LLM offline and why, truncation)
 * @param model          the LLM that wrote it, or {@code null} for extractive and refused answers
 * @param timings        where the time went
 */
public record Answer(String conversationId, String messageId, String answer, Mode mode, List<Citation> citations,
                     List<String> warnings, String model, Timings timings) {
    public Answer {
        citations = List.copyOf(citations);
        warnings = List.copyOf(warnings);
    }

    /** How an answer was made. */
    public enum Mode {
        /** Written by the LLM from the passages. */
        GENERATED,
        /** No LLM: the best sentences of the passages, quoted. */
        EXTRACTIVE,
        /** The reports do not cover the question; nearest findings are cited. */
        REFUSED;

        /** The name used in JSON. */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Milliseconds to retrieve, to the first token of the answer, and in all. */
    public record Timings(double retrieveMs, double firstTokenMs, double totalMs) {}
}
