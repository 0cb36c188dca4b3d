package org.ibvadvisor.answer.generate.pool;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import org.ibvadvisor.answer.generate.Generated;
import org.ibvadvisor.answer.generate.Generation;
import org.ibvadvisor.answer.generate.GenerationFailure;
import org.ibvadvisor.answer.generate.GenerationOutcome;
import org.ibvadvisor.answer.generate.Prompt;
import org.ibvadvisor.answer.generate.TokenListener;

/**
 * One question through the pool: waiting, then one attempt on a backend, possibly a second on another when the first
 * backend failed before a token reached the asker; the pool's total deadline over all of it. Whichever comes first —
 * the answer, a failure that is not retried, the deadline, {@link #cancel()} — completes the outcome; tokens of an
 * attempt that is no longer current are dropped.
 */
final class PooledGeneration implements Generation {

    /** Attempts at most: the first backend and one other. */
    static final int MAX_ATTEMPTS = 2;

    /** One try on one backend. */
    private static final class Attempt {
        final Backend backend;
        final long startedNanos = System.nanoTime();
        volatile Generation inner;
        volatile boolean listenerFailed;

        Attempt(Backend backend) {
            this.backend = backend;
        }
    }

    private final GeneratorPool pool;
    private final Prompt prompt;
    private final TokenListener listener;
    private final long createdNanos = System.nanoTime();
    private final CompletableFuture<GenerationOutcome> outcome = new CompletableFuture<>();

    private final Object lock = new Object();
    private GenerationOutcome result;       // guarded by lock
    private Attempt current;                // guarded by lock
    private int attempts;                   // guarded by lock
    private boolean sent;                   // guarded by lock: a token reached the listener
    private long firstTokenNanos;           // guarded by lock
    private Backend excluded;               // guarded by lock: the backend that failed the first attempt
    private GenerationFailure lastFailure;  // guarded by lock
    private volatile ScheduledFuture<?> totalTimer;

    PooledGeneration(GeneratorPool pool, Prompt prompt, TokenListener listener) {
        this.pool = pool;
        this.prompt = prompt;
        this.listener = listener;
    }

    void startTotalTimer(Duration total) {
        totalTimer = pool.schedule(() -> finish(new GenerationFailure.DeadlineExceeded(
                GenerationFailure.Deadline.TOTAL, total)), total);
        if (isOver()) {
            cancelTimer();
        }
    }

    @Override
    public CompletionStage<GenerationOutcome> outcome() {
        return outcome.minimalCompletionStage();
    }

    @Override
    public GenerationOutcome await() {
        return outcome.join();
    }

    @Override
    public void cancel() {
        finish(new GenerationFailure.Cancelled());
    }

    boolean isOver() {
        synchronized (lock) {
            return result != null;
        }
    }

    Backend excluded() {
        synchronized (lock) {
            return excluded;
        }
    }

    GenerationFailure lastFailure() {
        synchronized (lock) {
            return lastFailure;
        }
    }

    // ---- an attempt ----

    /** Starts an attempt on {@code backend}, whose slot the pool has taken for it. */
    void startOn(Backend backend) {
        Attempt attempt = new Attempt(backend);
        boolean open;
        synchronized (lock) {
            open = result == null;
            if (open) {
                current = attempt;
                attempts++;
            }
        }
        if (!open) {
            pool.attemptEnded(backend, new GenerationFailure.Cancelled(), false, 0);
            pool.dispatch();
            return;
        }
        Generation inner;
        try {
            inner = backend.member.generator().generate(prompt, text -> token(attempt, text));
        } catch (RuntimeException e) {
            attemptEnded(attempt, new GenerationFailure.StreamBroken("the backend could not start: " + e));
            return;
        }
        attempt.inner = inner;
        boolean stillCurrent;
        synchronized (lock) {
            stillCurrent = current == attempt && result == null;
        }
        if (!stillCurrent) {
            inner.cancel();
        }
        inner.outcome().whenComplete((end, error) -> attemptEnded(attempt,
                end != null ? end : new GenerationFailure.StreamBroken("the backend failed: " + error)));
    }

    private void token(Attempt attempt, String text) {
        synchronized (lock) {
            if (result != null || current != attempt) {
                return;
            }
            sent = true;
            if (firstTokenNanos == 0) {
                firstTokenNanos = System.nanoTime();
            }
            try {
                listener.onToken(text);
            } catch (RuntimeException e) {
                attempt.listenerFailed = true;
                throw e;
            }
        }
    }

    private void attemptEnded(Attempt attempt, GenerationOutcome end) {
        boolean fault = !attempt.listenerFailed && Faults.backendFault(end);
        pool.attemptEnded(attempt.backend, end, fault, System.nanoTime() - attempt.startedNanos);
        GenerationOutcome finalOutcome = null;
        boolean retry = false;
        synchronized (lock) {
            if (result == null && current == attempt) {
                current = null;
                if (end instanceof GenerationFailure failure && !sent && !attempt.listenerFailed
                        && Faults.retryable(failure) && attempts < MAX_ATTEMPTS) {
                    excluded = attempt.backend;
                    lastFailure = failure;
                    retry = true;
                } else {
                    finalOutcome = end instanceof Generated generated ? timedFromHere(generated) : end;
                }
            }
        }
        if (retry) {
            pool.retry(this);
        } else if (finalOutcome != null) {
            finish(finalOutcome);
        }
        pool.dispatch();
    }

    /** The answer with its times measured from the question's arrival at the pool (queueing, a retry included). */
    private Generated timedFromHere(Generated generated) {
        Duration firstToken = firstTokenNanos == 0 ? null : Duration.ofNanos(firstTokenNanos - createdNanos);
        return new Generated(generated.text(), generated.doneReason(), generated.promptEvalCount(),
                generated.evalCount(), generated.numCtx(), generated.estimatedPromptTokens(),
                generated.promptTruncated(), firstToken, Duration.ofNanos(System.nanoTime() - createdNanos));
    }

    // ---- the end ----

    void finish(GenerationOutcome end) {
        Attempt streaming;
        synchronized (lock) {
            if (result != null) {
                return;
            }
            result = end;
            streaming = current;
        }
        cancelTimer();
        if (streaming != null && streaming.inner != null && !(end instanceof Generated)) {
            streaming.inner.cancel();
        }
        pool.forget(this);
        outcome.complete(end);
    }

    private void cancelTimer() {
        ScheduledFuture<?> timer = totalTimer;
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
