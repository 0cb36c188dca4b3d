package org.ibvadvisor.answer.pipeline;

import java.util.List;
import org.ibvadvisor.answer.Answer;
import org.ibvadvisor.answer.AnswerListener;
import org.ibvadvisor.answer.Question;
import org.ibvadvisor.answer.text.Language;
import org.ibvadvisor.retrieval.Passage;

/**
 * One answer in the making, on the answering thread: the question and its language, the listener, and the clock
 * (retrieval time, first text sent, total). Not thread-safe.
 */
final class AnswerRun {

    private final Question question;
    private final AnswerListener listener;
    private final long startNanos = System.nanoTime();
    private double retrieveMs;
    private long firstTokenNanos = -1;
    private boolean listenerFailed;

    AnswerRun(Question question, AnswerListener listener) {
        this.question = question;
        this.listener = listener;
    }

    Question question() {
        return question;
    }

    Language language() {
        return question.language();
    }

    <T> T timeRetrieval(java.util.function.Supplier<T> retrieval) {
        long started = System.nanoTime();
        try {
            return retrieval.get();
        } finally {
            retrieveMs = millisSince(started);
        }
    }

    void passages(List<Passage> passages) {
        try {
            listener.passages(question.conversationId(), passages);
        } catch (RuntimeException e) {
            listenerFailed = true;
        }
    }

    /** Sends text to the listener; false if the listener has failed (the asker is gone). */
    boolean token(String text) {
        if (listenerFailed || text.isEmpty()) {
            return !listenerFailed;
        }
        if (firstTokenNanos < 0) {
            firstTokenNanos = System.nanoTime();
        }
        try {
            listener.token(text);
            return true;
        } catch (RuntimeException e) {
            listenerFailed = true;
            return false;
        }
    }

    /** Whether the asker has gone away. */
    boolean cancelled() {
        if (listenerFailed) {
            return true;
        }
        try {
            return listener.cancelled();
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** The times of the run, ending now. */
    Answer.Timings finish() {
        double totalMs = millisSince(startNanos);
        double firstTokenMs = firstTokenNanos < 0 ? totalMs : (firstTokenNanos - startNanos) / 1e6;
        return new Answer.Timings(retrieveMs, firstTokenMs, totalMs);
    }

    private static double millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e6;
    }
}
