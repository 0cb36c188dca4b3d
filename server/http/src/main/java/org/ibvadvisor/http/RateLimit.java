package org.ibvadvisor.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How many API requests one client (a signed-in user, else a client address) may make: a bucket of {@code requests}
 * tokens refilled smoothly over {@code per}; a question takes several. Zero requests means no limit.
 */
public record RateLimit(int requests, Duration per) {
    public RateLimit {
        Objects.requireNonNull(per, "per");
        if (requests < 0) throw new IllegalArgumentException("requests must be >= 0, was " + requests);
        if (per.isNegative() || per.isZero()) throw new IllegalArgumentException("per must be positive, was " + per);
    }

    public static RateLimit none() {
        return new RateLimit(0, Duration.ofMinutes(1));
    }

    public static RateLimit perMinute(int requests) {
        return new RateLimit(requests, Duration.ofMinutes(1));
    }

    public boolean limited() {
        return requests > 0;
    }
}
