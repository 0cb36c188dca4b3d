package org.ibvadvisor.eval.metrics;

import java.util.Objects;

/**
 * One question's confidence signal and whether the corpus answers it.
 *
 * @param questionId the question's id
 * @param answerable whether the corpus answers the question ({@code false} for the unanswerable ones)
 * @param confidence the retriever's confidence; higher means more likely answerable. Must be a number.
 */
public record ConfidenceJudgement(String questionId, boolean answerable, double confidence) {
    public ConfidenceJudgement {
        Objects.requireNonNull(questionId, "questionId");
        if (Double.isNaN(confidence)) throw new IllegalArgumentException("question " + questionId + ": confidence is NaN");
    }
}
