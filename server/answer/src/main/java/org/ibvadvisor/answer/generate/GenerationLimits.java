package org.ibvadvisor.answer.generate;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds {@link GuardedGenerator} keeps every generation within, whatever the protocol.
 *
 * @param numCtxMin         the smallest context window requested; windows grow by doubling from here
 * @param numCtxMax         the largest context window requested (memory on the GPU host is the limit)
 * @param numPredict        the most tokens an answer may have; also reserved in the window
 * @param firstTokenTimeout from sending the request to the first line of the stream (covers model loading)
 * @param idleTimeout       the longest silence between two lines of the stream
 * @param totalTimeout      the whole generation, queueing included
 * @param maxConcurrent     generations streaming at once
 * @param maxQueued         generations waiting for a turn; beyond this, requests fail at once with Busy
 */
public record GenerationLimits(int numCtxMin, int numCtxMax, int numPredict, Duration firstTokenTimeout,
                               Duration idleTimeout, Duration totalTimeout, int maxConcurrent, int maxQueued) {

    public GenerationLimits {
        if (numCtxMin < 256 || numCtxMax < numCtxMin) {
            throw new IllegalArgumentException("need 256 <= numCtxMin <= numCtxMax, got " + numCtxMin + " and "
                    + numCtxMax);
        }
        if (numPredict < 1 || numPredict >= numCtxMax) {
            throw new IllegalArgumentException("numPredict must be within [1, numCtxMax), got " + numPredict);
        }
        positive(firstTokenTimeout, "firstTokenTimeout");
        positive(idleTimeout, "idleTimeout");
        positive(totalTimeout, "totalTimeout");
        if (maxConcurrent < 1 || maxQueued < 0) {
            throw new IllegalArgumentException("need maxConcurrent >= 1 and maxQueued >= 0, got " + maxConcurrent
                    + " and " + maxQueued);
        }
    }

    private static void positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
    }
}
