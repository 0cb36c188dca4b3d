package org.ibvadvisor.answer;

import java.util.List;

/**
 * Answers one turn of a conversation, given the turns before it; stores nothing. Implementations are thread-safe.
 */
public interface TurnAnswerer {

    /**
     * Answers {@code question} in the context of {@code history} (oldest first, possibly empty), telling
     * {@code listener} the passages and then the text as they come (see {@link AnswerListener} for the order).
     * The returned answer carries {@code question.conversationId()} and no message id.
     *
     * @throws AnswererBusyException when the LLM's queue is full; thrown before {@code listener} hears anything
     * @throws org.ibvadvisor.retrieval.UnknownReportException when the question names a report the index lacks;
     *         thrown before {@code listener} hears anything
     */
    TurnAnswer answer(Question question, List<Turn> history, AnswerListener listener);
}
