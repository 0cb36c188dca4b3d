package org.ibvadvisor.testkit.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.ibvadvisor.testkit.ollama.ChatScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The stand-in speaks the OpenAI chat-completions protocol as vLLM does, checked with a plain HTTP client. */
class StandInOpenAiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final StandInOpenAi server = StandInOpenAi.start().models("qwen2.5-7b-instruct");
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        server.close();
        http.close();
    }

    private HttpResponse<String> chat(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String request(boolean stream) {
        return "{\"model\":\"qwen2.5-7b-instruct\",\"stream\":" + stream
                + ",\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"你好\"}]}";
    }

    @Test
    void a_streamed_completion_is_sse_chunks_then_a_finish_a_usage_chunk_and_done() throws Exception {
        server.onChat(ChatScript.tokens("你", "好").promptEvalCount(12));

        HttpResponse<String> response = chat(request(true));

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElseThrow().startsWith("text/event-stream"));
        List<String> data = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            if (line.startsWith("data: ")) {
                data.add(line.substring(6));
            }
        }
        assertEquals("[DONE]", data.getLast());
        assertEquals("assistant", JSON.readTree(data.get(0)).at("/choices/0/delta/role").asText());
        assertEquals("你", JSON.readTree(data.get(1)).at("/choices/0/delta/content").asText());
        assertEquals("好", JSON.readTree(data.get(2)).at("/choices/0/delta/content").asText());
        assertEquals("stop", JSON.readTree(data.get(3)).at("/choices/0/finish_reason").asText());
        JsonNode usage = JSON.readTree(data.get(4));
        assertTrue(usage.path("choices").isEmpty());
        assertEquals(12, usage.at("/usage/prompt_tokens").asInt());
        assertEquals(2, usage.at("/usage/completion_tokens").asInt());
    }

    @Test
    void a_completion_without_streaming_is_one_object_with_usage() throws Exception {
        server.onChat(ChatScript.tokens("你", "好"));

        JsonNode body = JSON.readTree(chat(request(false)).body());

        assertEquals("chat.completion", body.path("object").asText());
        assertEquals("你好", body.at("/choices/0/message/content").asText());
        assertTrue(body.at("/usage/prompt_tokens").asInt() > 0);
    }

    @Test
    void models_are_listed_and_an_unknown_one_answers_404_like_vllm() throws Exception {
        JsonNode models = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/models"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        assertEquals("qwen2.5-7b-instruct", models.at("/data/0/id").asText());

        HttpResponse<String> missing = chat(request(true).replace("qwen2.5-7b-instruct", "llama"));
        assertEquals(404, missing.statusCode());
        assertEquals("The model `llama` does not exist.", JSON.readTree(missing.body()).at("/error/message").asText());
    }

    @Test
    void a_bound_on_parallel_answers_makes_the_others_wait_their_turn() throws Exception {
        server.parallel(2).onChat(ChatScript.tokens("a", "b", "c", "d").tokenDelay(Duration.ofMillis(50)));
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(http.sendAsync(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                    .POST(HttpRequest.BodyPublishers.ofString(request(true))).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            assertTrue(answer.join().body().contains("[DONE]"));
        }
        assertEquals(2, server.mostStreamingAtOnce());
    }
}
