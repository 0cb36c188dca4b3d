package org.ibvadvisor.llm.ollama;

import org.ibvadvisor.answer.generate.*;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.ollama.OllamaChatRequestParameters;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link Generator} on a local Ollama, through langchain4j's {@link OllamaStreamingChatModel}.
 *
 * <p>Every request sets a low temperature, {@code keep_alive}, {@code num_predict} and a {@code num_ctx} sized to
 * the prompt ({@link ContextWindow}); {@code think} when configured. The generator enforces its own deadlines
 * (first token, idle gap, total), since langchain4j's streaming handler is never called when a stream ends without
 * {@code done:true}; it aborts the HTTP exchange on cancel and on every failure, and lets at most
 * {@code maxConcurrent} generations stream with {@code maxQueued} waiting. Owns its threads: close it.
 */
public final class OllamaGenerator implements Generator, AutoCloseable {

    /** Name prefix of every thread the generator starts (besides the JDK HTTP client's selector thread). */
    public static final String THREAD_PREFIX = "ollama-";

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final OllamaSettings settings;
    private final ExecutorService io;
    private final ScheduledThreadPoolExecutor deadlines;
    private final HttpClient http;
    private final OllamaStreamingChatModel model;
    private final Admission admission;
    private final Set<OllamaGeneration> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public OllamaGenerator(OllamaSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.io = Executors.newCachedThreadPool(daemonThreads(THREAD_PREFIX + "io-"));
        this.deadlines = new ScheduledThreadPoolExecutor(1, daemonThreads(THREAD_PREFIX + "deadlines-"));
        this.deadlines.setRemoveOnCancelPolicy(true);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(min(CONNECT_TIMEOUT, settings.firstTokenTimeout()))
                .executor(io)
                .build();
        OllamaTransport transport = new OllamaTransport(http, settings.totalTimeout());
        this.model = OllamaStreamingChatModel.builder()
                .httpClientBuilder(transport.builder())
                .baseUrl(settings.baseUrl())
                .modelName(settings.model())
                .temperature(settings.temperature())
                .numPredict(settings.numPredict())
                .think(settings.think())
                .returnThinking(false)
                .timeout(settings.totalTimeout())
                .defaultRequestParameters(OllamaChatRequestParameters.builder()
                        .keepAlive(keepAliveSeconds(settings.keepAlive()))
                        .build())
                .build();
        this.admission = new Admission(settings.maxConcurrent(), settings.maxQueued());
    }

    @Override
    public Generation generate(Prompt prompt, TokenListener listener) {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(listener, "listener");
        if (closed) {
            throw new IllegalStateException("the Ollama generator is closed");
        }
        int estimated = ContextWindow.estimateTokens(prompt);
        int numCtx = ContextWindow.numCtx(estimated, settings.numPredict(), settings.numCtxMin(),
                settings.numCtxMax());
        ChatRequest request = ChatRequest.builder()
                .messages(messages(prompt))
                .parameters(OllamaChatRequestParameters.builder().numCtx(numCtx).build())
                .build();
        OllamaGeneration generation = new OllamaGeneration(settings, model, deadlines, admission, request,
                listener, numCtx, estimated, inFlight::remove);
        inFlight.add(generation);
        generation.submit();
        return generation;
    }

    /** Checks that Ollama answers at the base URL and has the model; for start-up and status pages. */
    public OllamaHealth probe() {
        return OllamaProbe.check(http, settings, PROBE_TIMEOUT);
    }

    public OllamaSettings settings() {
        return settings;
    }

    /** Generations streaming now. */
    public int running() {
        return admission.running();
    }

    /** Generations waiting for a turn. */
    public int queued() {
        return admission.queued();
    }

    /** Cancels every generation in flight and stops the generator's threads. */
    @Override
    public void close() {
        closed = true;
        List.copyOf(inFlight).forEach(OllamaGeneration::cancel);
        deadlines.shutdownNow();
        http.shutdownNow();
        io.shutdownNow();
        try {
            deadlines.awaitTermination(2, TimeUnit.SECONDS);
            http.awaitTermination(Duration.ofSeconds(2));
            io.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<ChatMessage> messages(Prompt prompt) {
        List<ChatMessage> messages = new ArrayList<>(2);
        if (!prompt.system().isEmpty()) {
            messages.add(SystemMessage.from(prompt.system()));
        }
        messages.add(UserMessage.from(prompt.user()));
        return messages;
    }

    /** Whole seconds for Ollama's {@code keep_alive}; negative means keep the model loaded. */
    static int keepAliveSeconds(Duration keepAlive) {
        if (keepAlive.isNegative()) {
            return -1;
        }
        return (int) Math.min(Integer.MAX_VALUE, keepAlive.toSeconds());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
