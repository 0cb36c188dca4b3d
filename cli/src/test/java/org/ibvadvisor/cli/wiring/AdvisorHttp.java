package org.ibvadvisor.cli.wiring;

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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A small HTTP client for a running advisor: JSON requests and the Server-Sent Events of {@code /api/chat}. */
public final class AdvisorHttp implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public AdvisorHttp(URI base) {
        this.base = base;
    }

    /** A response: status and body, the body read as JSON on demand. */
    public record Reply(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (status " + status + "): " + body, e);
            }
        }
    }

    /** One Server-Sent Event. */
    public record Event(String name, String data) {
        public JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (IOException e) {
                throw new UncheckedIOException("event " + name + " is not JSON: " + data, e);
            }
        }
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    public Reply post(String path, JsonNode body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }

    /** Any method with a JSON body, e.g. {@code PATCH}. */
    public Reply send(String method, String path, JsonNode body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }

    /** {@code POST /api/answer} with a question and, when not null, the conversation it continues. */
    public JsonNode answer(String question, String conversationId) {
        Reply reply = post("/api/answer", question(question, conversationId));
        if (reply.status() != 200) throw new AssertionError("/api/answer answered " + reply.status() + ": " + reply.body());
        return reply.json();
    }

    /** {@code POST /api/chat}: every event, in order, once the stream has ended. */
    public List<Event> chat(String question, String conversationId) {
        List<Event> events = new ArrayList<>();
        chat(question, conversationId, events::add);
        return events;
    }

    /** {@code POST /api/chat}, handing each event over as it arrives; returns when the stream ends. */
    public void chat(String question, String conversationId, Consumer<Event> events) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/chat")).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(question(question, conversationId).toString(), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                if (response.statusCode() != 200) {
                    throw new AssertionError("/api/chat answered " + response.statusCode() + ": " + String.join("\n", lines.lines().toList()));
                }
                readEvents(lines, events);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads events as a browser's EventSource does (comments skipped, multi-line data joined). */
    static void readEvents(BufferedReader lines, Consumer<Event> events) throws IOException {
        String name = null;
        StringBuilder data = null;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isEmpty()) {
                if (data != null) events.accept(new Event(name == null ? "message" : name, data.toString()));
                name = null;
                data = null;
            } else if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                String value = line.substring(5);
                if (value.startsWith(" ")) value = value.substring(1);
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            }
        }
    }

    public static ObjectNode question(String question, String conversationId) {
        ObjectNode body = JSON.createObjectNode().put("question", question);
        if (conversationId != null) body.put("conversationId", conversationId);
        return body;
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
