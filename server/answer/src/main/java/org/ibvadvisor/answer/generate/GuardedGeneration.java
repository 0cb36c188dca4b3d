package org.ibvadvisor.answer.generate;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One generation through a {@link ChatBackend}: admission, the three deadlines, token delivery through the think-tag
 * filter, and the one outcome. Whichever comes first — the end of the reply, a failure, a deadline,
 * {@link #cancel()} — completes the outcome; everything after it is ignored, and the chat is aborted unless the
 * answer completed.
 */
final class GuardedGeneration implements Generation, ChatBackend.Events {

    private final ChatBackend backend;
    private final GenerationLimits limits;
    private final ScheduledExecutorService scheduler;
    private final Admission admission;
    private final Prompt prompt;
    private final TokenListener listener;
    private final int numCtx;
    private final int estimatedPromptTokens;
    private final Consumer<GuardedGeneration> onFinish;
    private final CompletableFuture<GenerationOutcome> outcome = new CompletableFuture<>();
    private final Runnable startTask = this::start;
    private final long createdNanos = System.nanoTime();

    private final Object lock = new Object();
    private GenerationOutcome result;    // guarded by lock; null until finished
    private boolean started;             // guarded by lock
    private ChatBackend.Chat chat;       // guarded by lock; null until the backend started it
    private long firstTokenNanos;        // guarded by lock; 0 until the first answer token
    private final StringBuilder text = new StringBuilder();            // guarded by lock
    private final ThinkTagFilter thinkFilter = new ThinkTagFilter();   // guarded by lock

    private volatile boolean over;
    private volatile boolean sawLine;
    private volatile long lastLineNanos;
    private volatile ScheduledFuture<?> totalTimer;
    private volatile ScheduledFuture<?> firstTokenTimer;
    private volatile ScheduledFuture<?> idleTimer;

    GuardedGeneration(ChatBackend backend, GenerationLimits limits, ScheduledExecutorService scheduler,
                      Admission admission, Prompt prompt, TokenListener listener,
                      Consumer<GuardedGeneration> onFinish) {
        this.backend = backend;
        this.limits = limits;
        this.scheduler = scheduler;
        this.admission = admission;
        this.prompt = prompt;
        this.listener = listener;
        this.estimatedPromptTokens = ContextWindow.estimateTokens(prompt);
        this.numCtx = ContextWindow.numCtx(estimatedPromptTokens, limits.numPredict(), limits.numCtxMin(),
                limits.numCtxMax());
        this.onFinish = onFinish;
    }

    /** Starts now, queues, or completes at once with Busy. */
    void submit() {
        if (!admission.offer(startTask)) {
            GenerationOutcome busy = new GenerationFailure.Busy(admission.running(), admission.queued(),
                    GuardedGenerator.BUSY_RETRY_AFTER);
            synchronized (lock) {
                result = busy;
            }
            over = true;
            onFinish.accept(this);
            outcome.complete(busy);
            return;
        }
        long left = limits.totalTimeout().toNanos() - (System.nanoTime() - createdNanos);
        totalTimer = schedule(() -> finish(new GenerationFailure.DeadlineExceeded(GenerationFailure.Deadline.TOTAL,
                limits.totalTimeout())), Math.max(0, left));
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

    // ---- start ----

    private void start() {
        boolean giveBack;
        synchronized (lock) {
            giveBack = result != null;
            started = !giveBack;
        }
        if (giveBack) {
            admission.release();
            return;
        }
        firstTokenTimer = schedule(() -> {
            if (!sawLine) {
                finish(new GenerationFailure.DeadlineExceeded(GenerationFailure.Deadline.FIRST_TOKEN,
                        limits.firstTokenTimeout()));
            }
        }, limits.firstTokenTimeout().toNanos());
        ChatBackend.Chat streaming = backend.stream(prompt, numCtx, this);
        boolean abortNow;
        synchronized (lock) {
            chat = streaming;
            abortNow = result != null && !(result instanceof Generated);
        }
        if (abortNow) {
            streaming.abort();
        }
    }

    // ---- what the backend reports ----

    @Override
    public void line() {
        lastLineNanos = System.nanoTime();
        if (!sawLine) {
            sawLine = true;
            cancel(firstTokenTimer);
            idleTimer = schedule(this::checkIdle, limits.idleTimeout().toNanos());
        }
    }

    @Override
    public void content(String piece) {
        deliver(piece, false);
    }

    @Override
    public void done(ChatBackend.Usage usage) {
        deliver("", true);
        String answer;
        Duration firstToken;
        synchronized (lock) {
            answer = text.toString();
            firstToken = firstTokenNanos == 0 ? null : Duration.ofNanos(firstTokenNanos - createdNanos);
        }
        finish(new Generated(answer, usage.doneReason(), usage.promptEvalCount(), usage.evalCount(), numCtx,
                estimatedPromptTokens, ContextWindow.truncated(usage.promptEvalCount(), numCtx), firstToken,
                Duration.ofNanos(System.nanoTime() - createdNanos)));
    }

    @Override
    public void failed(GenerationFailure failure) {
        finish(failure);
    }

    private void checkIdle() {
        if (over) {
            return;
        }
        long silent = System.nanoTime() - lastLineNanos;
        long idle = limits.idleTimeout().toNanos();
        if (silent >= idle) {
            finish(new GenerationFailure.DeadlineExceeded(GenerationFailure.Deadline.IDLE, limits.idleTimeout()));
        } else {
            idleTimer = schedule(this::checkIdle, idle - silent);
        }
    }

    /** Passes a piece of content through the think-tag filter to the listener; {@code last} flushes the filter. */
    private void deliver(String piece, boolean last) {
        RuntimeException listenerFailure = null;
        synchronized (lock) {
            if (result != null) {
                return;
            }
            String visible = last ? thinkFilter.finish() : thinkFilter.accept(piece);
            if (visible.isEmpty()) {
                return;
            }
            if (firstTokenNanos == 0) {
                firstTokenNanos = System.nanoTime();
            }
            text.append(visible);
            try {
                listener.onToken(visible);
            } catch (RuntimeException e) {
                listenerFailure = e;
            }
        }
        if (listenerFailure != null) {
            finish(new GenerationFailure.StreamBroken("the token listener failed: " + listenerFailure));
        }
    }

    // ---- the end ----

    private void finish(GenerationOutcome end) {
        boolean wasStarted;
        ChatBackend.Chat streaming;
        synchronized (lock) {
            if (result != null) {
                return;
            }
            result = end;
            wasStarted = started;
            streaming = chat;
        }
        over = true;
        cancel(totalTimer);
        cancel(firstTokenTimer);
        cancel(idleTimer);
        if (streaming != null && !(end instanceof Generated)) {
            streaming.abort();
        }
        if (wasStarted) {
            admission.release();
        } else {
            // Still queued: leave the queue. If the admission has just taken it out to start it, start() sees the
            // generation finished and gives the slot back itself.
            admission.withdraw(startTask);
        }
        onFinish.accept(this);
        outcome.complete(end);
    }

    private ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        try {
            ScheduledFuture<?> timer = scheduler.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
            if (over) {
                timer.cancel(false);
            }
            return timer;
        } catch (RejectedExecutionException shutDown) {
            return null;
        }
    }

    private static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
