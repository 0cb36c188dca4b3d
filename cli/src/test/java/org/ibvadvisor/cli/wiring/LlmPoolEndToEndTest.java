package org.ibvadvisor.cli.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.ibvadvisor.answer.generate.pool.PoolSettings;
import org.ibvadvisor.ingest.IngestProgress;
import org.ibvadvisor.llm.ollama.OllamaSettings;
import org.ibvadvisor.llm.openai.OpenAiSettings;
import org.ibvadvisor.testing.BundledIndex;
import org.ibvadvisor.testkit.ollama.ChatScript;
import org.ibvadvisor.testkit.ollama.StandInOllama;
import org.ibvadvisor.testkit.openai.StandInOpenAi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real advisor with a pool of two backends speaking both protocols over real HTTP — a stand-in Ollama and a
 * stand-in OpenAI-compatible server: answers come from both, a backend that fails (5xx, killed, never answering)
 * costs no answer, and {@code /api/health} lists each backend's state.
 */
class LlmPoolEndToEndTest {
    private static final String QUESTION = "预计 2023 年至 2025 年间，平均计算成本将攀升多少？";
    private static final String MODEL = "qwen2.5:7b";

    @TempDir
    Path data;

    private final StandInOllama ollama = StandInOllama.start().models(MODEL);
    private final StandInOpenAi openAi = StandInOpenAi.start().models(MODEL);
    private Advisor advisor;
    private AdvisorHttp http;

    @AfterEach
    void stop() {
        if (http != null) http.close();
        if (advisor != null) advisor.close();
        ollama.close();
        openAi.close();
    }

    private void startAdvisor(Duration firstToken, Duration backoff) {
        ollama.onChat(StandInAnswers.citing(Duration.ZERO));
        openAi.onChat(StandInAnswers.citing(Duration.ZERO));
        LlmSettings pool = new LlmSettings(List.of(
                new LlmBackend.Ollama(OllamaSettings.defaults().withBaseUrl(ollama.baseUrl()).withModel(MODEL)
                        .withTimeouts(firstToken, Duration.ofSeconds(5), Duration.ofSeconds(30))),
                new LlmBackend.OpenAi(OpenAiSettings.defaults(MODEL).withBaseUrl(openAi.baseUrl())
                        .withTimeouts(firstToken, Duration.ofSeconds(5), Duration.ofSeconds(30)))),
                new PoolSettings(16, Duration.ofSeconds(30), backoff, Duration.ofSeconds(20),
                        Duration.ofMillis(50)));
        advisor = Advisor.start(TestAdvisors.config(BundledIndex.path(), data.resolve("conversations"),
                ollama.baseUrl(), MODEL).withLlm(pool), IngestProgress.NONE);
        http = new AdvisorHttp(advisor.uri());
    }

    private JsonNode generatedAnswer() {
        JsonNode answer = http.answer(QUESTION, null);
        assertEquals("generated", answer.path("mode").asText(), answer.toPrettyString());
        assertEquals(MODEL, answer.path("model").asText());
        return answer;
    }

    private JsonNode backend(String protocol) {
        for (JsonNode backend : http.get("/api/health").json().path("backends")) {
            if (backend.path("name").asText().startsWith(protocol + " ")) return backend;
        }
        throw new AssertionError("no " + protocol + " backend in " + http.get("/api/health").body());
    }

    @Test
    void both_backends_answer_and_health_lists_them() {
        startAdvisor(Duration.ofSeconds(5), Duration.ofMillis(300));

        for (int i = 0; i < 4; i++) generatedAnswer();

        assertTrue(ollama.chatRequests().size() >= 1, "the Ollama backend took questions");
        assertTrue(openAi.chatRequests().size() >= 1, "the OpenAI-compatible backend took questions");
        JsonNode health = http.get("/api/health").json();
        assertEquals(2, health.path("backends").size(), health.toPrettyString());
        assertEquals("ready", backend("openai").path("state").asText());
        assertEquals(0, backend("openai").path("inFlight").asInt());
        assertEquals(2, backend("ollama").path("concurrency").asInt());
        assertTrue(backend("ollama").path("answered").asInt() >= 1);
    }

    @Test
    void a_5xx_then_a_killed_server_cost_no_answer_and_the_backend_shows_out_with_its_error() {
        startAdvisor(Duration.ofSeconds(5), Duration.ofMillis(300));
        openAi.onChat(ChatScript.status(500, "CUDA error: an illegal memory access"));

        for (int i = 0; i < 3; i++) generatedAnswer();

        JsonNode out = backend("openai");
        assertEquals("out", out.path("state").asText(), out.toPrettyString());
        assertTrue(out.path("lastError").asText().contains("HTTP 500"), out.toPrettyString());
        openAi.close();
        for (int i = 0; i < 3; i++) generatedAnswer();
        assertEquals("ready", backend("ollama").path("state").asText());
    }

    @Test
    void a_backend_that_never_answers_costs_its_first_token_deadline_once_then_is_skipped() {
        // its health check passes (the server lists the model), so a long back-off keeps it out for this test
        startAdvisor(Duration.ofMillis(800), Duration.ofSeconds(10));
        ollama.onChat(ChatScript.stall());

        for (int i = 0; i < 3; i++) generatedAnswer();

        assertEquals("out", backend("ollama").path("state").asText());
        assertEquals(1, ollama.chatRequests().size(), "one question found it silent; the others went elsewhere");
    }
}
