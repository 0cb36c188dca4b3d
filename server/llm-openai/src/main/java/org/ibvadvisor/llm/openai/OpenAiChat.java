package org.ibvadvisor.llm.openai;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
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
 * An OpenAI-compatible {@code POST /chat/completions} (streaming, usage included) as a {@link ChatBackend}, through
 * langchain4j's {@link OpenAiStreamingChatModel} on the JDK HTTP client ({@link OpenAiTransport}). Every request
 * sets the model, a low temperature and {@code max_tokens}; the key, if any, goes in {@code Authorization: Bearer}.
 * The server's context size is fixed, so the window the guard asks for is only checked against its usage. Owns
 * its HTTP client and its I/O threads.
 */
final class OpenAiChat implements ChatBackend {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final OpenAiSettings settings;
    private final ExecutorService io;
    private final HttpClient http;
    private final OpenAiStreamingChatModel model;

    OpenAiChat(OpenAiSettings settings, String threadPrefix) {
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
        this.model = OpenAiStreamingChatModel.builder()
                .httpClientBuilder(new OpenAiTransport(http, settings.totalTimeout()).builder())
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey())
                .modelName(settings.model())
                .temperature(settings.temperature())
                .maxTokens(settings.maxTokens())
                .returnThinking(false)
                .timeout(settings.totalTimeout())
                .build();
    }

    @Override
    public Chat stream(Prompt prompt, int numCtx, Events events) {
        ChatRequest request = ChatRequest.builder().messages(messages(prompt)).build();
        OpenAiStream stream = new OpenAiStream(events, settings);
        try {
            OpenAiTransport.within(stream, () -> model.chat(request, stream));
        } catch (RuntimeException e) {
            stream.onError(e);
        }
        return stream;
    }

    /** Checks that the server answers at the base URL and serves the model. */
    OpenAiHealth probe() {
        return OpenAiProbe.check(http, settings, PROBE_TIMEOUT);
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

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
