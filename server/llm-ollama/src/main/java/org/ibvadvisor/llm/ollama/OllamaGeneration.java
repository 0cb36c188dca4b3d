package org.ibvadvisor.llm.ollama;

import org.ibvadvisor.answer.generate.*;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One generation through langchain4j's {@link StreamingChatModel}: admission, the three deadlines, token delivery,
 * and the one outcome. Whichever comes first — the final chunk, an error, a deadline, the end of the body,
 * {@link #cancel()} — completes the outcome; everything after it is ignored, and the HTTP exchange is aborted unless
 * the answer completed.
 */
final class OllamaGeneration implements Generation, StreamingChatResponseHandler, Exchange.Events {

    static final Duration BUSY_RETRY_AFTER = Duration.ofSeconds(5);

    private final OllamaSettings settings;
    private final StreamingChatModel model;
    private final ScheduledExecutorService scheduler;
    private final Admission admission;
    private final ChatRequest request;
    private final TokenListener listener;
    private final int numCtx;
    private final int estimatedPromptTokens;
    private final Consumer<OllamaGeneration> onFinish;
    private final Exchange exchange = new Exchange(this);
    private final CompletableFuture<GenerationOutcome> outcome = new CompletableFuture<>();
    private final Runnable startTask = this::start;
    private final long createdNanos = System.nanoTime();

    private final Object lock = new Object();
    private boolean finished;        // guarded by lock
    private boolean started;         // guarded by lock
    private long firstTokenNanos;    // guarded by lock; 0 until the first answer token
    private final StringBuilder text = new StringBuilder();            // guarded by lock
    private final ThinkTagFilter thinkFilter = new ThinkTagFilter();   // guarded by lock

    private volatile boolean over;
    private volatile boolean sawLine;
    private volatile long lastLineNanos;
    private volatile ScheduledFuture<?> totalTimer;
    private volatile ScheduledFuture<?> firstTokenTimer;
    private volatile ScheduledFuture<?> idleTimer;

    OllamaGeneration(OllamaSettings settings, StreamingChatModel model, ScheduledExecutorService scheduler,
                     Admission admission, ChatRequest request, TokenListener listener, int numCtx,
                     int estimatedPromptTokens, Consumer<OllamaGeneration> onFinish) {
        this.settings = settings;
        this.model = model;
        this.scheduler = scheduler;
        this.admission = admission;
        this.request = request;
        this.listener = listener;
        this.numCtx = numCtx;
        this.estimatedPromptTokens = estimatedPromptTokens;
        this.onFinish = onFinish;
    }

    /** Starts now, queues, or completes at once with Busy. */
    void submit() {
        if (!admission.offer(startTask)) {
            synchronized (lock) {
                finished = true;
            }
            over = true;
            onFinish.accept(this);
            outcome.complete(new GenerationFailure.Busy(admission.running(), admission.queued(), BUSY_RETRY_AFTER));
            return;
        }
        long left = settings.totalTimeout().toNanos() - (System.nanoTime() - createdNanos);
        totalTimer = schedule(() -> fail(new GenerationFailure.DeadlineExceeded(GenerationFailure.Deadline.TOTAL,
                settings.totalTimeout())), Math.max(0, left));
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
        fail(new GenerationFailure.Cancelled());
    }

    // ---- start ----

    private void start() {
        boolean giveBack;
        synchronized (lock) {
            giveBack = finished;
            started = !finished;
        }
        if (giveBack) {
            admission.release();
            return;
        }
        firstTokenTimer = schedule(() -> {
            if (!sawLine) {
                fail(new GenerationFailure.DeadlineExceeded(GenerationFailure.Deadline.FIRST_TOKEN,
                        settings.firstTokenTimeout()));
            }
        }, settings.firstTokenTimeout().toNanos());
        try {
            OllamaTransport.within(exchange, () -> model.chat(request, this));
        } catch (RuntimeException e) {
            fail(Failures.classify(e, exchange.hasResponseStarted(), settings));
        }
    }

    // ---- what the transport reports ----

    @Override
    public void onLine() {
        lastLineNanos = System.nanoTime();
        if (!sawLine) {
            sawLine = true;
            cancel(firstTokenTimer);
            idleTimer = schedule(this::checkIdle, settings.idleTimeout().toNanos());
        }
    }

    @Override
    public void onBodyEnd() {
        if (!over) {
            fail(new GenerationFailure.StreamBroken("Ollama ended the stream without its final done chunk"));
        }
    }

    private void checkIdle() {
        if (over) {
            return;
        }
        long silent = System.nanoTime() - lastLineNanos;
        long idle = settings.idleTimeout().toNanos();
        if (silent >= idle) {
            fail(new GenerationFailure.DeadlineExceeded(GenerationFailure.Deadline.IDLE, settings.idleTimeout()));
        } else {
            idleTimer = schedule(this::checkIdle, idle - silent);
        }
    }

    // ---- what langchain4j reports ----

    @Override
    public void onPartialResponse(String piece) {
        deliver(piece, false);
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
        deliver("", true);
        Exchange.FinalChunk last = exchange.finalChunk();
        TokenUsage usage = response.metadata() == null ? null : response.metadata().tokenUsage();
        Integer promptEvalCount = last != null && last.promptEvalCount() != null ? last.promptEvalCount()
                : usage == null ? null : usage.inputTokenCount();
        Integer evalCount = last != null && last.evalCount() != null ? last.evalCount()
                : usage == null ? null : usage.outputTokenCount();
        String doneReason = last != null && last.doneReason() != null ? last.doneReason()
                : doneReason(response.metadata() == null ? null : response.metadata().finishReason());
        String answer;
        Duration firstToken;
        synchronized (lock) {
            answer = text.toString();
            firstToken = firstTokenNanos == 0 ? null : Duration.ofNanos(firstTokenNanos - createdNanos);
        }
        finish(new Generated(answer, doneReason, promptEvalCount, evalCount, numCtx, estimatedPromptTokens,
                ContextWindow.truncated(promptEvalCount, numCtx), firstToken,
                Duration.ofNanos(System.nanoTime() - createdNanos)));
    }

    @Override
    public void onError(Throwable error) {
        fail(Failures.classify(error, exchange.hasResponseStarted(), settings));
    }

    /** Passes a piece of content through the think-tag filter to the listener; {@code last} flushes the filter. */
    private void deliver(String piece, boolean last) {
        RuntimeException listenerFailure = null;
        synchronized (lock) {
            if (finished) {
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
            fail(new GenerationFailure.StreamBroken("the token listener failed: " + listenerFailure));
        }
    }

    // ---- the end ----

    private void fail(GenerationFailure failure) {
        finish(failure);
    }

    private void finish(GenerationOutcome result) {
        boolean wasStarted;
        synchronized (lock) {
            if (finished) {
                return;
            }
            finished = true;
            wasStarted = started;
        }
        over = true;
        cancel(totalTimer);
        cancel(firstTokenTimer);
        cancel(idleTimer);
        if (!(result instanceof Generated)) {
            exchange.abort();
        }
        if (wasStarted) {
            admission.release();
        } else {
            // Still queued: leave the queue. If the admission has just taken it out to start it, start() sees the
            // generation finished and gives the slot back itself.
            admission.withdraw(startTask);
        }
        onFinish.accept(this);
        outcome.complete(result);
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

    private static String doneReason(FinishReason reason) {
        if (reason == null) {
            return null;
        }
        return switch (reason) {
            case STOP -> "stop";
            case LENGTH -> "length";
            default -> reason.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
