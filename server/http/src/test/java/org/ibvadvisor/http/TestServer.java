package org.ibvadvisor.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.ibvadvisor.conversation.ConversationLimits;
import org.ibvadvisor.http.auth.AuthSettings;
import org.ibvadvisor.store.h2.H2ConversationStore;

/**
 * A real server on a free port with the fake collaborators but a real conversation store (H2 in a temporary
 * directory), and a small HTTP client for it.
 */
final class TestServer implements AutoCloseable {
    static final ObjectMapper MAPPER = new ObjectMapper();

    final FakeRetriever retriever = new FakeRetriever();
    final H2ConversationStore conversations = new H2ConversationStore(temporaryDirectory(), ConversationLimits.defaults());
    final FakeAnswerer answerer = new FakeAnswerer(retriever, conversations);
    final FakeReports reports = new FakeReports();
    final AdvisorServer server;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final String host;

    TestServer() {
        this(settings -> settings);
    }

    TestServer(UnaryOperator<ApiSettings> settings) {
        this(settings, AuthSettings.none(), "127.0.0.1");
    }

    /** A server with sign-in configured by {@code auth}, listening on {@code host}. */
    TestServer(UnaryOperator<ApiSettings> settings, AuthSettings auth, String host) {
        this.host = host;
        ApiSettings configured = settings.apply(ApiSettings.defaults()
                .withRateLimit(RateLimit.none())
                .withStaticFolder("/http-test-web")
                .withSseHeartbeat(Duration.ofMillis(100)));
        server = AdvisorServer.start(new ApiDependencies(retriever, answerer, conversations, reports, reports, configured,
                        List.of(new ErrorStatus(FakeAnswerer.ConversationFull.class, 409))),
                auth, host, 0);
    }

    private static Path temporaryDirectory() {
        try {
            Path directory = Files.createTempDirectory("http-test-conversations");
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI uri(String path) {
        return URI.create("http://" + host + ":" + server.port() + path);
    }

    /** A response, its body as text, and the body as JSON when it is JSON. */
    record Reply(int status, HttpResponse<String> response) {
        String body() {
            return response.body();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        JsonNode json() {
            try {
                return MAPPER.readTree(body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body(), e);
            }
        }

        boolean isJsonError() {
            String type = header("Content-Type");
            if (type == null || !type.startsWith("application/json")) return false;
            try {
                JsonNode node = MAPPER.readTree(body());
                return node.isObject() && node.size() == 1 && node.path("error").isTextual() && !node.path("error").asText().isBlank();
            } catch (IOException e) {
                return false;
            }
        }
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Reply postJson(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void assertAlive() {
        Reply health = get("/api/health");
        assertTrue(health.status() == 200 && health.json().path("status").asText().equals("ok"),
                () -> "server not answering health: " + health.status() + " " + health.body());
    }

    @Override
    public void close() {
        server.close();
        conversations.close();
    }
}
