package org.ibvadvisor.answer;

/**
 * Answers one question. Implementations are thread-safe.
 */
public interface Answerer {
    /**
     * Answers {@code question}, telling {@code listener} what happens as it happens: the candidate passages
     * first, then text deltas. Returns when the answer is complete (or cancelled).
     *
     * @throws AnswererBusyException when too many answers are being generated; the caller may retry later
     */
    Answer answer(Question question, AnswerListener listener);
}
