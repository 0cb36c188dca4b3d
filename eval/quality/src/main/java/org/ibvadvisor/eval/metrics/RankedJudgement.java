package org.ibvadvisor.eval.metrics;

import java.util.List;
import java.util.Objects;

/**
 * What a retriever returned for one question, judged: for each rank whether the passage there is relevant.
 *
 * @param questionId     the question's id, for messages and per-question output
 * @param type           the question's type (e.g. {@code fact}, {@code english}); the key of per-type means
 * @param relevantAtRank one entry per returned passage, best first: {@code relevantAtRank.get(0)} is rank 1
 * @param totalRelevant  how many relevant passages exist for the question (not just how many were returned);
 *                       the ideal ranking behind nDCG. Zero for a question nothing answers. Must be at least
 *                       the number of relevant entries in {@code relevantAtRank}.
 */
public record RankedJudgement(String questionId, String type, List<Boolean> relevantAtRank, int totalRelevant) {
    public RankedJudgement {
        Objects.requireNonNull(questionId, "questionId");
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("question " + questionId + ": type must not be blank");
        }
        Objects.requireNonNull(relevantAtRank, "relevantAtRank");
        relevantAtRank = List.copyOf(relevantAtRank); // rejects null entries
        if (totalRelevant < 0) {
            throw new IllegalArgumentException("question " + questionId + ": totalRelevant " + totalRelevant + " < 0");
        }
        long found = relevantAtRank.stream().filter(Boolean::booleanValue).count();
        if (found > totalRelevant) {
            throw new IllegalArgumentException("question " + questionId + ": " + found
                    + " relevant passages returned but totalRelevant is " + totalRelevant);
        }
    }

    /** Whether anything relevant exists, i.e. whether the ranking metrics are defined for this question. */
    public boolean hasRelevant() {
        return totalRelevant > 0;
    }

    /** The 1-based rank of the first relevant passage, or 0 when none was returned. */
    public int firstRelevantRank() {
        int index = relevantAtRank.indexOf(Boolean.TRUE);
        return index + 1;
    }
}
