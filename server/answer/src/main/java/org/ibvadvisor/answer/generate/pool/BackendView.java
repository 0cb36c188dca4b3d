package org.ibvadvisor.answer.generate.pool;

import java.time.Duration;
import java.time.Instant;

/**
 * One backend of a pool as it is now, for status pages and metrics; a snapshot, never updated.
 *
 * @param name           the member's name
 * @param model          the model it serves
 * @param state          whether it takes questions
 * @param inFlight       answers it is streaming now
 * @param concurrency    answers it may stream at once
 * @param answered       answers it completed since start
 * @param failed         generations that failed on it since start (cancelled ones not counted)
 * @param lastError      the latest failure's message, null if none
 * @param lastErrorAt    when it happened, null if none
 * @param lastFirstToken time to the first token of its latest answer (from when the pool sent it), null if none
 */
public record BackendView(String name, String model, State state, int inFlight, int concurrency, long answered,
                          long failed, String lastError, Instant lastErrorAt, Duration lastFirstToken) {

    /** Whether a backend takes questions. */
    public enum State {
        /** In service. */
        READY,
        /** Taken out after a failure, waiting for its back-off to end. */
        OUT,
        /** Its back-off is over and the health check is running. */
        PROBING;

        /** The lower-case name, as JSON shows it. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
