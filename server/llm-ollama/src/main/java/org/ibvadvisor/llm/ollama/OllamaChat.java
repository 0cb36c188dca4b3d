package org.ibvadvisor.llm.ollama;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ibvadvisor.answer.generate.ChatBackend;
import org.ibvadvisor.answer.generate.Prompt;

/**
 * Ollama's {@code /api/chat} as a {@link ChatBackend}, through langchain4j's {@link OllamaStreamingChatModel} on
 * the JDK HTTP client ({@link OllamaTransport}). Every request sets a low temperature, {@code keep_alive},
 * {@code num_predict}, the given {@code num_ctx} and {@code think} when configured. Owns its HTTP client and its
 * I/O threads.
 */
final class OllamaChat implements ChatBackend {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final OllamaSettings settings;
    private final ExecutorService io;
    private final HttpClient http;
    private final OllamaStreamingChatModel model;

    OllamaChat(OllamaSettings settings, String threadPrefix) {
        this.settings = settings;
        AtomicInteger count = new AtomicInteger();
        this.io = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, threadPrefix + "io-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(min(CONNECT_TIMEOUT, settings.firstTokenTimeout()))
                .executor(io)
                .build();
        this.model = OllamaStreamingChatModel.builder()
                .httpClientBuilder(new OllamaTransport(http, settings.totalTimeout()).builder())
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
    }

    @Override
    public Chat stream(Prompt prompt, int numCtx, Events events) {
        ChatRequest request = ChatRequest.builder()
                .messages(messages(prompt))
                .parameters(OllamaChatRequestParameters.builder().numCtx(numCtx).build())
                .build();
        OllamaStream stream = new OllamaStream(events, settings);
        try {
            OllamaTransport.within(stream, () -> model.chat(request, stream));
        } catch (RuntimeException e) {
            stream.onError(e);
        }
        return stream;
    }

    /** Checks that Ollama answers at the base URL and has the model. */
    OllamaHealth probe() {
        return OllamaProbe.check(http, settings, PROBE_TIMEOUT);
    }

    @Override
    public void close() {
        http.shutdownNow();
        io.shutdownNow();
        try {
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
}
