package org.ibvadvisor.eval.questions;

import java.util.List;
import java.util.Objects;

/**
 * One question of the set.
 *
 * @param id       {@code q001} …
 * @param question the question, Chinese, English or mixed
 * @param evidence exact substrings of a report (up to whitespace) that answer it; empty for unanswerable ones
 * @param type     fact, concept, paraphrase, english, multi or unanswerable
 * @param report   the report the evidence is in, or the one whose topic it is about; may be null
 * @param split    dev or test
 */
public record Question(String id, String question, List<String> evidence, String type, String report, String split) {
    public static final String UNANSWERABLE = "unanswerable";

    public Question {
        Objects.requireNonNull(id, "id");
        if (question == null || question.isBlank()) throw new IllegalArgumentException("question " + id + " is blank");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(split, "split");
        if (UNANSWERABLE.equals(type) != evidence.isEmpty()) {
            throw new IllegalArgumentException("question " + id + ": unanswerable questions and only they have no evidence");
        }
    }

    public boolean answerable() {
        return !evidence.isEmpty();
    }
}
