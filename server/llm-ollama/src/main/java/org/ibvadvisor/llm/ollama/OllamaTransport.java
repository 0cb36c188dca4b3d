package org.ibvadvisor.llm.ollama;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.ibvadvisor.answer.generate.ChatBackend;
import org.ibvadvisor.answer.generate.GenerationFailure;

/**
 * langchain4j's HTTP client for Ollama, on the JDK client, with what langchain4j's own JDK client lacks for
 * streaming under deadlines: the pending request and the response stream can be aborted
 * ({@link OllamaStream#abort()}), and every raw line and the end of the body are reported. The stream of the call in
 * progress is handed over through {@link #within}, since langchain4j calls {@link #execute} on the caller's thread
 * before returning.
 */
final class OllamaTransport implements HttpClient {

    private static final ThreadLocal<OllamaStream> CURRENT = new ThreadLocal<>();
    /** Where a stream sent outside {@link #within} reports: nowhere. */
    private static final ChatBackend.Events UNHEARD = new ChatBackend.Events() {
        @Override
        public void line() {
        }

        @Override
        public void content(String piece) {
        }

        @Override
        public void done(ChatBackend.Usage usage) {
        }

        @Override
        public void failed(GenerationFailure failure) {
        }
    };
    private static final int MAX_ERROR_BODY = 16 * 1024;

    private final java.net.http.HttpClient client;
    private final Duration requestTimeout;

    OllamaTransport(java.net.http.HttpClient client, Duration requestTimeout) {
        this.client = client;
        this.requestTimeout = requestTimeout;
    }

    /** Runs {@code call} (which must send through this transport synchronously) attached to {@code stream}. */
    static void within(OllamaStream stream, Runnable call) {
        CURRENT.set(stream);
        try {
            call.run();
        } finally {
            CURRENT.remove();
        }
    }

    /** A langchain4j builder that hands out this transport (timeouts are the generator's own). */
    HttpClientBuilder builder() {
        OllamaTransport transport = this;
        return new HttpClientBuilder() {
            private Duration connectTimeout;
            private Duration readTimeout;

            @Override
            public Duration connectTimeout() {
                return connectTimeout;
            }

            @Override
            public HttpClientBuilder connectTimeout(Duration timeout) {
                this.connectTimeout = timeout;
                return this;
            }

            @Override
            public Duration readTimeout() {
                return readTimeout;
            }

            @Override
            public HttpClientBuilder readTimeout(Duration timeout) {
                this.readTimeout = timeout;
                return this;
            }

            @Override
            public HttpClient build() {
                return transport;
            }
        };
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = client.send(toJdk(request), BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw new HttpException(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
            }
            return SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                    .headers(response.headers().map()).body(new String(response.body(), StandardCharsets.UTF_8))
                    .build();
        } catch (IOException e) {
            throw new CompletionException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        OllamaStream current = CURRENT.get();
        OllamaStream attached = current != null ? current : new OllamaStream(UNHEARD, null);
        CompletableFuture<HttpResponse<InputStream>> pending =
                client.sendAsync(toJdk(request), BodyHandlers.ofInputStream());
        attached.requestSent(pending);
        pending.whenComplete((response, failure) -> {
            if (failure != null) {
                if (!attached.aborted()) {
                    listener.onError(failure);
                }
                return;
            }
            readBody(response, parser, listener, attached);
        });
    }

    private static void readBody(HttpResponse<InputStream> response, ServerSentEventParser parser,
                                 ServerSentEventListener listener, OllamaStream stream) {
        InputStream body = response.body();
        if (!stream.responseStarted(body)) {
            closeQuietly(body);
            return;
        }
        try (body) {
            if (response.statusCode() / 100 != 2) {
                listener.onError(new HttpException(response.statusCode(), readAtMost(body)));
                return;
            }
            parser.parse(body, new LineTap(listener, stream));
        } catch (IOException | RuntimeException e) {
            if (!stream.aborted()) {
                listener.onError(e);
            }
        } finally {
            stream.bodyEnded();
        }
    }

    private java.net.http.HttpRequest toJdk(HttpRequest request) {
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(requestTimeout);
        request.headers().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        builder.method(request.method().name(), request.body() == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        return builder.build();
    }

    private static String readAtMost(InputStream body) throws IOException {
        return new String(body.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** Passes every event on to langchain4j's listener after reporting the raw line to the stream. */
    private record LineTap(ServerSentEventListener delegate, OllamaStream stream) implements ServerSentEventListener {
        @Override
        public void onOpen(SuccessfulHttpResponse response) {
            delegate.onOpen(response);
        }

        @Override
        public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
            stream.line(event.data());
            delegate.onEvent(event, context);
        }

        @Override
        public void onEvent(ServerSentEvent event) {
            stream.line(event.data());
            delegate.onEvent(event);
        }

        @Override
        public void onError(Throwable throwable) {
            delegate.onError(throwable);
        }

        @Override
        public void onClose() {
            delegate.onClose();
        }
    }
}
