package org.ibvadvisor.eval.bench;

import org.ibvadvisor.eval.metrics.Samples;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Closed-loop load: {@code clients} threads, each with its own {@link ApiClient}, run an {@link Action} again and
 * again until the time is up, each starting its next call as soon as the last one returned. Records the latency of
 * every call of the measured part by kind, and counts failures (an exception, or a status the action calls wrong)
 * over the whole run, warm-up included.
 */
public final class LoadGenerator {
    /** One call (or a short chain of calls) of one client; returns what it did. */
    @FunctionalInterface
    public interface Action {
        Outcome perform(ApiClient client, int clientNo, long iteration);
    }

    /**
     * What an action did: a kind (e.g. {@code retrieve}), whether it went as expected, a note when it did not, and
     * for a 503 with Retry-After (the server shedding load, as designed) the seconds it asked to wait.
     */
    public record Outcome(String kind, boolean ok, String problem, int retryAfter) {
        public static Outcome ok(String kind) {
            return new Outcome(kind, true, null, -1);
        }

        public static Outcome failed(String kind, String problem) {
            return new Outcome(kind, false, problem, -1);
        }

        /** Refused for now with 503 and Retry-After: not a failure; the client waits as asked (at most 5 s). */
        public static Outcome busy(String kind, int retryAfter) {
            return new Outcome(kind, true, null, retryAfter);
        }

        public boolean busy() {
            return retryAfter >= 0;
        }
    }

    /**
     * What a run did.
     *
     * @param seconds   measured wall time
     * @param latencies milliseconds per call, by kind
     * @param failures  failed calls by kind, warm-up included
     * @param busy      calls refused with 503 and Retry-After by kind, warm-up included (the client then waited)
     * @param problems  up to 20 failure messages
     */
    public record Result(double seconds, Map<String, Samples> latencies, Map<String, Long> failures, Map<String, Long> busy,
                         List<String> problems) {
        public long refused() {
            return busy.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Calls in the measured part. */
        public long calls() {
            return all().count();
        }

        public long failed() {
            return failures.values().stream().mapToLong(Long::longValue).sum();
        }

        public double perSecond() {
            return calls() / seconds;
        }

        public Samples all() {
            return latencies.getOrDefault("all", Samples.of());
        }
    }

    private final URI base;
    private final int clients;
    private final Duration timeout;
    private final Duration thinkMin;
    private final Duration thinkMax;
    private volatile String stopped;

    /** Clients that start their next call as soon as the last one returned. */
    public LoadGenerator(URI base, int clients, Duration timeout) {
        this(base, clients, timeout, Duration.ZERO, Duration.ZERO);
    }

    /** Clients that wait between {@code thinkMin} and {@code thinkMax} (uniformly at random) after each call. */
    public LoadGenerator(URI base, int clients, Duration timeout, Duration thinkMin, Duration thinkMax) {
        this.base = Objects.requireNonNull(base, "base");
        if (clients < 1) throw new IllegalArgumentException("clients must be at least 1, was " + clients);
        this.clients = clients;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (thinkMin.isNegative() || thinkMax.compareTo(thinkMin) < 0) {
            throw new IllegalArgumentException("need 0 <= thinkMin <= thinkMax, was " + thinkMin + ", " + thinkMax);
        }
        this.thinkMin = thinkMin;
        this.thinkMax = thinkMax;
    }

    /** Ends the run early (e.g. the server died), saying why; clients stop after their current call. */
    public void stop(String why) {
        stopped = Objects.requireNonNull(why, "why");
    }

    /** Why the run was stopped early, or null. */
    public String stopped() {
        return stopped;
    }

    /** Runs {@code action} for {@code warmup} unrecorded, then for {@code duration} recorded. */
    public Result run(Action action, Duration warmup, Duration duration) {
        return run(action, warmup, duration, seconds -> { });
    }

    /**
     * As {@link #run(Action, Duration, Duration)}, calling {@code everySecond} from a monitor thread with the
     * seconds elapsed since the recorded part began, the last call at its end (for sampling memory while the load
     * runs); returns when both the clients and the monitor are done.
     */
    public Result run(Action action, Duration warmup, Duration duration, Consumer<Long> everySecond) {
        long startNanos = System.nanoTime();
        long recordFrom = startNanos + warmup.toNanos();
        long endNanos = recordFrom + duration.toNanos();
        Map<String, ConcurrentLinkedQueue<Double>> latencies = new ConcurrentHashMap<>();
        Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
        Map<String, AtomicLong> busy = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int clientNo = c;
            threads.add(Thread.ofPlatform().name("load-client-" + c).start(() -> {
                java.util.Random random = new java.util.Random(clientNo);
                try (ApiClient client = new ApiClient(base, timeout)) {
                    for (long i = 0; System.nanoTime() < endNanos && stopped == null; i++) {
                        long callStart = System.nanoTime();
                        Outcome outcome;
                        try {
                            outcome = action.perform(client, clientNo, i);
                        } catch (RuntimeException e) {
                            outcome = Outcome.failed("exception", e.toString());
                        }
                        long callEnd = System.nanoTime();
                        if (!outcome.ok()) {
                            failures.computeIfAbsent(outcome.kind(), k -> new AtomicLong()).incrementAndGet();
                            if (problems.size() < 20) problems.add(outcome.kind() + ": " + outcome.problem());
                        }
                        if (callStart >= recordFrom && callEnd <= endNanos) {
                            double ms = (callEnd - callStart) / 1e6;
                            latencies.computeIfAbsent(outcome.kind(), k -> new ConcurrentLinkedQueue<>()).add(ms);
                            latencies.computeIfAbsent("all", k -> new ConcurrentLinkedQueue<>()).add(ms);
                        }
                        long think = thinkMin.toNanos() + (long) (random.nextDouble() * (thinkMax.toNanos() - thinkMin.toNanos()));
                        if (outcome.busy()) {
                            busy.computeIfAbsent(outcome.kind(), k -> new AtomicLong()).incrementAndGet();
                            think = Math.max(think, Duration.ofSeconds(Math.min(5, Math.max(1, outcome.retryAfter()))).toNanos());
                        }
                        if (think > 0) {
                            try {
                                Thread.sleep(Duration.ofNanos(think));
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    }
                }
            }));
        }
        long wholeSeconds = duration.toSeconds();
        Thread monitor = Thread.ofPlatform().daemon().name("load-monitor").start(() -> {
            try {
                for (long second = 1; second <= wholeSeconds && stopped == null; second++) {
                    long wait = recordFrom + second * 1_000_000_000L - System.nanoTime();
                    if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    everySecond.accept(second);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            for (Thread thread : threads) thread.join();
            monitor.join();
        } catch (InterruptedException e) {
            monitor.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the load ran", e);
        }
        double seconds = Math.min(System.nanoTime(), endNanos) - recordFrom;
        Map<String, Samples> samples = new TreeMap<>();
        latencies.forEach((kind, values) -> samples.put(kind, Samples.of(values)));
        Map<String, Long> failed = new TreeMap<>();
        failures.forEach((kind, count) -> failed.put(kind, count.get()));
        Map<String, Long> refused = new TreeMap<>();
        busy.forEach((kind, count) -> refused.put(kind, count.get()));
        return new Result(seconds / 1e9, samples, failed, refused, List.copyOf(problems));
    }
}
