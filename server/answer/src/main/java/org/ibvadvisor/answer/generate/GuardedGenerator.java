package org.ibvadvisor.answer.generate;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link Generator} on any {@link ChatBackend}: sizes the context window to the prompt ({@link ContextWindow})
 * and flags a prompt that filled it, enforces its own deadlines (first line, idle gap, total), filters inline think
 * blocks, aborts the chat on cancel and on every failure, and lets at most {@code maxConcurrent} generations stream
 * with {@code maxQueued} waiting. Owns its deadline thread and the backend: close it.
 */
public final class GuardedGenerator implements Generator, AutoCloseable {

    static final Duration BUSY_RETRY_AFTER = Duration.ofSeconds(5);

    private final ChatBackend backend;
    private final GenerationLimits limits;
    private final ScheduledThreadPoolExecutor deadlines;
    private final Admission admission;
    private final Set<GuardedGeneration> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** {@code threadPrefix} names the deadline thread ({@code <prefix>deadlines-1}). */
    public GuardedGenerator(ChatBackend backend, GenerationLimits limits, String threadPrefix) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.limits = Objects.requireNonNull(limits, "limits");
        AtomicInteger count = new AtomicInteger();
        this.deadlines = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, threadPrefix + "deadlines-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.deadlines.setRemoveOnCancelPolicy(true);
        this.admission = new Admission(limits.maxConcurrent(), limits.maxQueued());
    }

    @Override
    public Generation generate(Prompt prompt, TokenListener listener) {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(listener, "listener");
        if (closed) {
            throw new IllegalStateException("the generator is closed");
        }
        GuardedGeneration generation = new GuardedGeneration(backend, limits, deadlines, admission, prompt, listener,
                inFlight::remove);
        inFlight.add(generation);
        generation.submit();
        return generation;
    }

    /** Generations streaming now. */
    public int running() {
        return admission.running();
    }

    /** Generations waiting for a turn. */
    public int queued() {
        return admission.queued();
    }

    /** Cancels every generation in flight, stops the deadline thread and closes the backend. */
    @Override
    public void close() {
        closed = true;
        List.copyOf(inFlight).forEach(GuardedGeneration::cancel);
        deadlines.shutdownNow();
        backend.close();
        try {
            deadlines.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
