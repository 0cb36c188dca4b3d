package org.ibvadvisor.answer.generate.pool;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link GeneratorPool} queues and takes backends out.
 *
 * @param maxQueued    questions waiting for a free backend; beyond this a question fails at once with Busy
 * @param totalTimeout the whole generation, queueing and a retry included
 * @param backoff      how long a failed backend stays out before its first health check; doubles after each failed
 *                     check, up to {@code maxBackoff}
 * @param maxBackoff   the longest back-off
 * @param checkEvery   how often the pool looks whether a backend's back-off is over (and then probes it)
 */
public record PoolSettings(int maxQueued, Duration totalTimeout, Duration backoff, Duration maxBackoff,
                           Duration checkEvery) {

    public PoolSettings {
        if (maxQueued < 0) {
            throw new IllegalArgumentException("maxQueued must not be negative, got " + maxQueued);
        }
        positive(totalTimeout, "totalTimeout");
        positive(backoff, "backoff");
        positive(maxBackoff, "maxBackoff");
        positive(checkEvery, "checkEvery");
        if (maxBackoff.compareTo(backoff) < 0) {
            throw new IllegalArgumentException("maxBackoff " + maxBackoff + " is shorter than backoff " + backoff);
        }
    }

    /** 8 waiting per backend's worth, 180 s in all, out for 10 s doubling to 2 min, looked at every second. */
    public static PoolSettings defaults(int maxQueued) {
        return new PoolSettings(maxQueued, Duration.ofSeconds(180), Duration.ofSeconds(10), Duration.ofMinutes(2),
                Duration.ofSeconds(1));
    }

    public PoolSettings withTotalTimeout(Duration total) {
        return new PoolSettings(maxQueued, total, backoff, maxBackoff, checkEvery);
    }

    public PoolSettings withBackoff(Duration first, Duration max, Duration every) {
        return new PoolSettings(maxQueued, totalTimeout, first, max, every);
    }

    private static void positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
    }
}
