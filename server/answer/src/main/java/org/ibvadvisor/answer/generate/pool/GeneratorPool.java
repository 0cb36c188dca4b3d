package org.ibvadvisor.answer.generate.pool;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.ibvadvisor.answer.generate.Generation;
import org.ibvadvisor.answer.generate.GenerationFailure;
import org.ibvadvisor.answer.generate.GenerationOutcome;
import org.ibvadvisor.answer.generate.Generator;
import org.ibvadvisor.answer.generate.Prompt;
import org.ibvadvisor.answer.generate.TokenListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several backends as one {@link Generator}. A question goes to the least-busy backend in service that has a free
 * slot (in-flight over concurrency; equally busy ones take turns), or waits in one queue for the first slot that
 * frees; with every slot busy and the queue full it fails at once with {@link GenerationFailure.Busy}.
 *
 * <p>A backend that fails on its own account (refused, 5xx, model missing, no first token in time, a stall, a broken
 * stream: {@link Faults}) is taken out by its circuit breaker for a back-off period; when it is over, the pool's
 * health check probes it and puts it back in service or out again for a longer back-off. A question whose backend so
 * failed before any token reached the asker is tried once more on another backend in service — never after a token
 * was sent, since the asker has read it. When no backend is in service a question fails at once with the latest
 * backend failure, so the answer falls back to extracted sentences with its reason.
 *
 * <p>Owns its members' generators (closed with it) and one thread for deadlines and health checks.
 */
public final class GeneratorPool implements Generator, AutoCloseable {

    static final Duration BUSY_RETRY_AFTER = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(GeneratorPool.class);

    private final List<Backend> backends;
    private final PoolSettings settings;
    private final ScheduledThreadPoolExecutor timers;
    private final Deque<PooledGeneration> waiting = new ArrayDeque<>();   // guarded by this
    private final Set<PooledGeneration> inFlight = new HashSet<>();       // guarded by this
    private final Set<Backend> probing = new HashSet<>();                 // guarded by this
    private long picks;                                                   // guarded by this
    private volatile boolean closed;

    public GeneratorPool(List<PoolMember> members, PoolSettings settings) {
        Objects.requireNonNull(members, "members");
        this.settings = Objects.requireNonNull(settings, "settings");
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a pool needs at least one backend");
        }
        if (members.stream().map(PoolMember::name).distinct().count() != members.size()) {
            throw new IllegalArgumentException("backend names must be unique: " + members.stream()
                    .map(PoolMember::name).toList());
        }
        this.backends = members.stream().map(member -> new Backend(member, settings)).toList();
        this.backends.forEach(backend -> backend.breaker.getEventPublisher().onStateTransition(event ->
                LOG.info("LLM backend {}: {}", backend.member.name(), describe(event.getStateTransition(), backend))));
        this.timers = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "llm-pool-timers");
            thread.setDaemon(true);
            return thread;
        });
        this.timers.setRemoveOnCancelPolicy(true);
        long every = settings.checkEvery().toNanos();
        this.timers.scheduleWithFixedDelay(this::checkBackendsOut, every, every, TimeUnit.NANOSECONDS);
    }

    @Override
    public Generation generate(Prompt prompt, TokenListener listener) {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(listener, "listener");
        if (closed) {
            throw new IllegalStateException("the generator pool is closed");
        }
        PooledGeneration generation = new PooledGeneration(this, prompt, listener);
        GenerationFailure refused;
        synchronized (this) {
            refused = admit(generation);
        }
        if (refused != null) {
            generation.finish(refused);
            return generation;
        }
        generation.startTotalTimer(settings.totalTimeout());
        dispatch();
        return generation;
    }

    /** Queues the generation, or says why not; guarded by this. */
    private GenerationFailure admit(PooledGeneration generation) {
        if (backends.stream().noneMatch(Backend::inService)) {
            return latestFailure();
        }
        boolean freeSlot = backends.stream().anyMatch(b -> b.inService() && b.inFlight < b.member.concurrency());
        if (!freeSlot && waiting.size() >= settings.maxQueued()) {
            return new GenerationFailure.Busy(runningNow(), waiting.size(), BUSY_RETRY_AFTER);
        }
        waiting.addLast(generation);
        inFlight.add(generation);
        return null;
    }

    /** The backends now, in the order they were given. */
    public synchronized List<BackendView> backends() {
        return backends.stream().map(Backend::view).toList();
    }

    /** The model of every backend, or their distinct models joined with ", ". */
    public String model() {
        return String.join(", ", backends.stream().map(b -> b.member.model()).distinct().toList());
    }

    /** Answers streaming now, on all backends. */
    public synchronized int running() {
        return runningNow();
    }

    /** Questions waiting for a free backend. */
    public synchronized int queued() {
        return waiting.size();
    }

    private int runningNow() {
        return backends.stream().mapToInt(b -> b.inFlight).sum();
    }

    // ---- dispatch ----

    /** Sends waiting questions to free backends in service; fails those that no backend in service may take. */
    void dispatch() {
        List<Runnable> actions = new ArrayList<>();
        synchronized (this) {
            Iterator<PooledGeneration> queue = waiting.iterator();
            while (queue.hasNext()) {
                PooledGeneration generation = queue.next();
                if (generation.isOver()) {
                    queue.remove();
                    continue;
                }
                Backend excluded = generation.excluded();
                List<Backend> usable = backends.stream().filter(b -> b != excluded && b.inService()).toList();
                if (usable.isEmpty()) {
                    queue.remove();
                    GenerationFailure why = generation.lastFailure() != null ? generation.lastFailure() : latestFailure();
                    actions.add(() -> generation.finish(why));
                    continue;
                }
                Backend chosen = usable.stream().filter(b -> b.inFlight < b.member.concurrency())
                        .min(Comparator.comparingDouble(Backend::load).thenComparingLong(b -> b.lastPicked))
                        .orElse(null);
                if (chosen == null || !chosen.breaker.tryAcquirePermission()) {
                    continue;
                }
                queue.remove();
                chosen.inFlight++;
                chosen.lastPicked = ++picks;
                actions.add(() -> generation.startOn(chosen));
            }
        }
        actions.forEach(Runnable::run);
    }

    /** A generation on {@code backend} ended; decides nothing about the question, only about the backend. */
    void attemptEnded(Backend backend, GenerationOutcome outcome, boolean fault, long elapsedNanos) {
        synchronized (this) {
            backend.ended(outcome, fault, elapsedNanos);
        }
        if (fault) {
            LOG.warn("LLM backend {} failed: {}", backend.member.name(), ((GenerationFailure) outcome).message());
        }
    }

    /** Puts a question whose first backend failed before streaming back at the head of the queue. */
    synchronized void retry(PooledGeneration generation) {
        waiting.addFirst(generation);
    }

    /** The question is over: out of the queue and the pool's books. */
    synchronized void forget(PooledGeneration generation) {
        waiting.remove(generation);
        inFlight.remove(generation);
    }

    /** The failure that most recently took a backend out (what to tell the asker when none is in service). */
    private GenerationFailure latestFailure() {
        return backends.stream().filter(b -> b.lastFailure() != null && b.lastErrorAt() != null)
                .max(Comparator.comparing(Backend::lastErrorAt))
                .map(Backend::lastFailure)
                .orElseGet(() -> new GenerationFailure.StreamBroken("no LLM backend is in service"));
    }

    // ---- health checks ----

    /** Probes each backend whose back-off is over (its breaker lets one call through): back in service, or out again. */
    private void checkBackendsOut() {
        for (Backend backend : backends) {
            if (closed) {
                return;
            }
            synchronized (this) {
                if (backend.breaker.getState() != CircuitBreaker.State.OPEN || probing.contains(backend)
                        || !backend.breaker.tryAcquirePermission()) {
                    continue;
                }
                probing.add(backend);
            }
            Thread.ofVirtual().name("llm-pool-probe").start(() -> probe(backend));
        }
    }

    private void probe(Backend backend) {
        long started = System.nanoTime();
        BackendProbe.Result result;
        try {
            result = backend.member.probe().probe();
        } catch (RuntimeException e) {
            result = new BackendProbe.Result(false, "the health check failed: " + e);
        }
        long elapsed = System.nanoTime() - started;
        synchronized (this) {
            probing.remove(backend);
            if (result.ready()) {
                backend.breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
            } else {
                backend.probeFailed(result.message());
                backend.breaker.onError(elapsed, TimeUnit.NANOSECONDS, new Backend.BackendFault(result.message()));
            }
        }
        if (result.ready()) {
            dispatch();
        }
    }

    private static String describe(CircuitBreaker.StateTransition transition, Backend backend) {
        return switch (transition.getToState()) {
            case OPEN -> "taken out for a back-off period";
            case HALF_OPEN -> "back-off over, checking its health";
            case CLOSED -> "back in service";
            default -> transition.toString();
        };
    }

    ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        try {
            return timers.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException shutDown) {
            return null;
        }
    }

    /** Cancels every question in flight, stops the pool's thread and closes every member's generator. */
    @Override
    public void close() {
        closed = true;
        List<PooledGeneration> open;
        synchronized (this) {
            open = List.copyOf(inFlight);
        }
        open.forEach(PooledGeneration::cancel);
        timers.shutdownNow();
        for (Backend backend : backends) {
            if (backend.member.generator() instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.warn("closing LLM backend {} failed", backend.member.name(), e);
                }
            }
        }
        try {
            timers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "GeneratorPool" + backends.stream().map(b -> b.member.name()).toList();
    }
}
