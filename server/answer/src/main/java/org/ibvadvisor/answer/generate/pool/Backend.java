package org.ibvadvisor.answer.generate.pool;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.ibvadvisor.answer.generate.Generated;
import org.ibvadvisor.answer.generate.GenerationFailure;
import org.ibvadvisor.answer.generate.GenerationOutcome;

/**
 * A pool member with its circuit breaker and its counts. The breaker opens on one failure of the backend's own
 * (see {@link Faults}), stays open for the back-off (exponential), and only the pool's health check may then take
 * its one half-open call: a probe, not a question. Counts are guarded by the pool's lock.
 */
final class Backend {

    final PoolMember member;
    final CircuitBreaker breaker;
    /** Guarded by the pool. */
    int inFlight;
    /** Guarded by the pool: when it was last chosen, to take turns among equally busy backends. */
    long lastPicked;
    private long answered;
    private long failed;
    private String lastError;
    private Instant lastErrorAt;
    private GenerationFailure lastFailure;
    private Duration lastFirstToken;

    Backend(PoolMember member, PoolSettings settings) {
        this.member = member;
        this.breaker = CircuitBreaker.of(member.name(), CircuitBreakerConfig.custom()
                // one failure in a window of one call: the backend is out at its first failure
                .slidingWindow(1, 1, CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(100)
                .permittedNumberOfCallsInHalfOpenState(1)
                .waitIntervalFunctionInOpenState(IntervalFunction.ofExponentialBackoff(settings.backoff(), 2.0,
                        settings.maxBackoff()))
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .writableStackTraceEnabled(false)
                .build());
    }

    /** Whether questions may be sent to it (the breaker is closed). */
    boolean inService() {
        return breaker.getState() == CircuitBreaker.State.CLOSED;
    }

    double load() {
        return (double) inFlight / member.concurrency();
    }

    /** Records how a generation on it ended; guarded by the pool. */
    void ended(GenerationOutcome outcome, boolean fault, long elapsedNanos) {
        inFlight--;
        switch (outcome) {
            case Generated generated -> {
                answered++;
                lastFirstToken = generated.firstToken();
            }
            case GenerationFailure.Cancelled cancelled -> { }
            case GenerationFailure failure -> {
                failed++;
                lastFailure = failure;
                lastError = failure.message();
                lastErrorAt = Instant.now();
            }
        }
        if (fault) {
            breaker.onError(elapsedNanos, TimeUnit.NANOSECONDS, new BackendFault(((GenerationFailure) outcome).message()));
        } else if (outcome instanceof Generated) {
            breaker.onSuccess(elapsedNanos, TimeUnit.NANOSECONDS);
        } else {
            breaker.releasePermission();
        }
    }

    /** Records a failed health check; guarded by the pool. */
    void probeFailed(String message) {
        lastError = message;
        lastErrorAt = Instant.now();
    }

    /** The failure that last took it out (or the latest one), null if none. */
    GenerationFailure lastFailure() {
        return lastFailure;
    }

    Instant lastErrorAt() {
        return lastErrorAt;
    }

    /** Guarded by the pool. */
    BackendView view() {
        BackendView.State state = switch (breaker.getState()) {
            case CLOSED -> BackendView.State.READY;
            case HALF_OPEN -> BackendView.State.PROBING;
            default -> BackendView.State.OUT;
        };
        return new BackendView(member.name(), member.model(), state, inFlight, member.concurrency(), answered, failed,
                lastError, lastErrorAt, lastFirstToken);
    }

    /** What the breaker records as a failed call (a generation or a health check). */
    static final class BackendFault extends RuntimeException {
        BackendFault(String message) {
            super(message, null, false, false);
        }
    }
}
