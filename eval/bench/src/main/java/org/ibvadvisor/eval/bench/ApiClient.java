package org.ibvadvisor.eval.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * A small synchronous client of the advisor's HTTP API for benchmarks: one {@link HttpClient} (HTTP/1.1, kept-alive
 * connections) per instance; give each concurrent benchmark client its own. Times each call on the client side.
 */
public final class ApiClient implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http;
    private final Duration timeout;

    /** @param base the server's address, e.g. {@code http://127.0.0.1:7070/} */
    public ApiClient(URI base, Duration timeout) {
        this.base = Objects.requireNonNull(base, "base");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A reply: status, body, milliseconds from sending to the whole body read, and Retry-After (s, or -1). */
    public record Reply(int status, String body, double ms, int retryAfter) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
            }
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * A streamed answer as the client saw it.
     *
     * @param status       HTTP status
     * @param firstTokenMs from sending to the first {@code token} event (NaN when none came)
     * @param totalMs      from sending to the end of the stream
     * @param tokens       {@code token} events received
     * @param done         the {@code done} event's answer, or null
     * @param error        the {@code error} event's message (or the error body), or null
     * @param retryAfter   the Retry-After of a refusal, in seconds, or -1
     */
    public record Streamed(int status, double firstTokenMs, double totalMs, int tokens, JsonNode done, String error,
                           int retryAfter) {
        public boolean ok() {
            return status == 200 && done != null && error == null;
        }
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    public Reply delete(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
    }

    public Reply postJson(String path, JsonNode body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body))));
    }

    public Reply patchJson(String path, JsonNode body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes(body))));
    }

    public Reply retrieve(String query, int k) {
        return postJson("/api/retrieve", JSON.createObjectNode().put("query", query).put("k", k));
    }

    /** {@code POST /api/answer}; {@code conversationId} may be null. */
    public Reply answer(String question, String conversationId) {
        return postJson("/api/answer", question(question, conversationId));
    }

    /** {@code POST /api/chat}, read to the end of the stream. */
    public Streamed chat(String question, String conversationId) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/chat")).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(question(question, conversationId)))).build();
        long start = System.nanoTime();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                if (response.statusCode() != 200) {
                    String body = String.join("\n", lines.lines().toList());
                    return new Streamed(response.statusCode(), Double.NaN, millisSince(start), 0, null, body, retryAfter(response));
                }
                double firstToken = Double.NaN;
                int tokens = 0;
                JsonNode done = null;
                String error = null;
                String event = null;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("event:")) {
                        event = line.substring(6).strip();
                        if (event.equals("token") && tokens++ == 0) firstToken = millisSince(start);
                    } else if (line.startsWith("data:") && event != null) {
                        if (event.equals("done")) done = JSON.readTree(line.substring(5).strip());
                        if (event.equals("error")) error = JSON.readTree(line.substring(5).strip()).path("error").asText();
                    } else if (line.isEmpty()) {
                        event = null;
                    }
                }
                return new Streamed(200, firstToken, millisSince(start), tokens, done, error, -1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("POST /api/chat failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private Reply send(HttpRequest.Builder request) {
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), millisSince(start),
                    retryAfter(response));
        } catch (IOException e) {
            throw new UncheckedIOException(request.build().method() + " " + request.build().uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static ObjectNode question(String question, String conversationId) {
        ObjectNode body = JSON.createObjectNode().put("question", question);
        if (conversationId != null) body.put("conversationId", conversationId);
        return body;
    }

    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int retryAfter(HttpResponse<?> response) {
        try {
            return response.headers().firstValue("Retry-After").map(Integer::parseInt).orElse(-1);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    @Override
    public void close() {
        http.close();
    }
}
