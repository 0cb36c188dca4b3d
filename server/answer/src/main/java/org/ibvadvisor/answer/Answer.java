package org.ibvadvisor.answer;

import java.util.List;

/**
 * A finished answer: the text with [n] citation marks, and what each mark points to. It is generated, extractive
 * or refused; only a generated answer has a model.
 */
public sealed interface Answer {

    /** The conversation the answer was stored in. */
    String conversationId();

    /** The stored assistant message (for feedback), or {@code null} when not stored. */
    String messageId();

    /** The answer text (Markdown), with [n] marks. */
    String text();

    /** The passages the text cites, by n. */
    List<Citation> citations();

    /** What the reader should know (unverified figures, LLM offline and why, truncation). */
    List<String> warnings();

    /** Where the time went. */
    Timings timings();

    /** How it was made, as named in JSON: {@code generated}, {@code extractive} or {@code refused}. */
    default String mode() {
        return switch (this) {
            case Generated g -> "generated";
            case Extractive e -> "extractive";
            case Refused r -> "refused";
        };
    }

    /** This answer as kept in conversation {@code conversationId}, as message {@code messageId} ({@code null}: not stored). */
    default Answer kept(String conversationId, String messageId, List<String> warnings) {
        return switch (this) {
            case Generated g -> new Generated(conversationId, messageId, text(), citations(), warnings, g.model(), timings());
            case Extractive e -> new Extractive(conversationId, messageId, text(), citations(), warnings, timings());
            case Refused r -> new Refused(conversationId, messageId, text(), citations(), warnings, timings());
        };
    }

    /** Written by the LLM {@code model} from the passages. */
    record Generated(String conversationId, String messageId, String text, List<Citation> citations,
                     List<String> warnings, String model, Timings timings) implements Answer {
        public Generated {
            citations = List.copyOf(citations);
            warnings = List.copyOf(warnings);
        }
    }

    /** No LLM: the best sentences of the passages, quoted; the warnings say why. */
    record Extractive(String conversationId, String messageId, String text, List<Citation> citations,
                      List<String> warnings, Timings timings) implements Answer {
        public Extractive {
            citations = List.copyOf(citations);
            warnings = List.copyOf(warnings);
        }
    }

    /** The reports do not cover the question; nearest findings are cited. */
    record Refused(String conversationId, String messageId, String text, List<Citation> citations,
                   List<String> warnings, Timings timings) implements Answer {
        public Refused {
            citations = List.copyOf(citations);
            warnings = List.copyOf(warnings);
        }
    }

    /** Milliseconds to retrieve, to the first token of the answer, and in all. */
    record Timings(double retrieveMs, double firstTokenMs, double totalMs) {}
}
