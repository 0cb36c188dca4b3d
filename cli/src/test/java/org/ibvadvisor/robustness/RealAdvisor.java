package org.ibvadvisor.robustness;

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
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.ibvadvisor.llm.ollama.OllamaSettings;
import org.ibvadvisor.answer.pipeline.AnswerSettings;
import org.ibvadvisor.http.ApiSettings;
import org.ibvadvisor.http.RateLimit;
import org.ibvadvisor.ingest.IngestProgress;
import org.ibvadvisor.cli.wiring.Advisor;
import org.ibvadvisor.cli.wiring.AdvisorConfig;

/**
 * The real advisor ({@link Advisor#start}: ONNX embedder, Lucene index, hybrid retriever, Ollama client, answer
 * pipeline, H2 store, Javalin) over {@link SmallIndex}, on a free port, with a fresh conversation store; and a plain
 * HTTP client for it.
 */
final class RealAdvisor implements AutoCloseable {
    static final ObjectMapper MAPPER = new ObjectMapper();

    final Advisor advisor;
    final Path data;
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param ollamaUrl where the advisor finds Ollama
     * @param ollama    adjusts the Ollama settings (deadlines)
     * @param api       adjusts the HTTP settings (no rate limit unless set here)
     */
    RealAdvisor(String ollamaUrl, UnaryOperator<OllamaSettings> ollama, UnaryOperator<ApiSettings> api) {
        try {
            data = Files.createTempDirectory("robustness-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OllamaSettings llm = ollama.apply(OllamaSettings.defaults().withBaseUrl(ollamaUrl).withModel("qwen2.5:7b"));
        ApiSettings settings = api.apply(ApiSettings.defaults().withRateLimit(RateLimit.none()));
        advisor = Advisor.start(new AdvisorConfig(SmallIndex.corpus(), SmallIndex.path(), data,
                "bge-small-zh-v1.5-q", llm, AnswerSettings.defaults(), settings, "127.0.0.1", 0), IngestProgress.NONE);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + advisor.port() + path);
    }

    /** A response: status, content type and body. */
    record Reply(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
            }
        }

        /** A JSON object with one non-blank string field {@code error}. */
        boolean isJsonError() {
            if (contentType == null || !contentType.startsWith("application/json")) return false;
            try {
                JsonNode node = MAPPER.readTree(body);
                return node.isObject() && node.size() == 1 && node.path("error").isTextual() && !node.path("error").asText().isBlank();
            } catch (IOException e) {
                return false;
            }
        }

        /** The events of a Server-Sent Events body, in order, as (name, data). */
        List<String[]> events() {
            List<String[]> events = new ArrayList<>();
            String name = null;
            for (String line : body.split("\n", -1)) {
                if (line.startsWith("event:")) name = line.substring(6).strip();
                else if (line.startsWith("data:") && name != null) events.add(new String[] {name, line.substring(5).strip()});
                else if (line.isEmpty()) name = null;
            }
            return events;
        }
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Reply postJson(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    Reply chat(String json) {
        return send(HttpRequest.newBuilder(uri("/api/chat")).header("Content-Type", "application/json")
                .header("Accept", "text/event-stream").POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** Whether {@code /api/health} answers 200 with status ok. */
    boolean alive() {
        Reply health = get("/api/health");
        return health.status() == 200 && health.json().path("status").asText().equals("ok");
    }

    @Override
    public void close() {
        try {
            advisor.close();
        } finally {
            client.close();
            deleteQuietly(data);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder; the OS cleans up
        }
    }
}
