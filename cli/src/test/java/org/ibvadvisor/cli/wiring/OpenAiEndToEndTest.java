package org.ibvadvisor.cli.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.ibvadvisor.testkit.ollama.RecordedRequest;
import org.ibvadvisor.testkit.ollama.StandInOllama;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** langchain4j's OpenAI clients use the real advisor as a model through {@code /v1/chat/completions}. */
class OpenAiEndToEndTest {
    private static final String QUESTION = "2023 年至 2025 年间，平均计算成本预计会攀升多少？";

    @TempDir
    static Path data;

    private static StandInOllama ollama;
    private static Advisor advisor;

    @BeforeAll
    static void start() {
        ollama = StandInOllama.start();
        ollama.onChat(StandInAnswers.citing(Duration.ofMillis(1)));
        advisor = TestAdvisors.start(data, ollama.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (advisor != null) advisor.close();
        if (ollama != null) ollama.close();
    }

    private static String baseUrl() {
        return advisor.uri().resolve("/v1").toString();
    }

    @Test
    void an_openai_client_gets_the_checked_answer_with_its_sources() {
        OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(baseUrl()).apiKey("unused").modelName("ibv-advisor")
                .timeout(Duration.ofSeconds(30)).maxRetries(0).build();

        String text = model.chat(QUESTION);

        String figure = StandInAnswers.statedFigure(ollama.lastChatRequest()).orElseThrow();
        assertTrue(text.startsWith("报告指出，" + figure + " 的受访者持这一看法 [1]。"), text);
        assertFalse(text.contains("[9]"), "the checked text, without the mark to no passage: " + text);
        assertTrue(text.contains("\n\n参考来源：\n[1] 《"), text);
        assertTrue(text.contains("\n[2] 《"), text);
    }

    @Test
    void an_openai_streaming_client_receives_the_tokens_then_the_sources() throws Exception {
        OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder().baseUrl(baseUrl()).apiKey("unused")
                .modelName("ibv-advisor").timeout(Duration.ofSeconds(30)).build();
        StringBuilder partials = new StringBuilder();
        int[] count = {0};
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();

        model.chat(QUESTION, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                partials.append(partial);
                count[0]++;
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });

        ChatResponse response = done.get(30, TimeUnit.SECONDS);
        assertEquals(partials.toString(), response.aiMessage().text());
        assertTrue(count[0] > 10, "streamed in pieces: " + count[0]);
        String modelText = StandInAnswers.reply(ollama.lastChatRequest());
        assertTrue(partials.toString().startsWith(modelText), "the model's tokens as they came: " + partials);
        assertTrue(partials.toString().contains("参考来源：\n[1] 《"), partials.toString());
    }

    @Test
    void earlier_messages_become_a_stored_conversation_the_question_follows_up() {
        OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(baseUrl()).apiKey("unused").modelName("ibv-advisor")
                .timeout(Duration.ofSeconds(30)).maxRetries(0).build();
        int before = ollama.chatRequests().size();

        ChatResponse response = model.chat(SystemMessage.from("You are helpful."), UserMessage.from(QUESTION),
                AiMessage.from("平均计算成本将攀升 89% [1]。"), UserMessage.from("那主要原因是什么？"));

        List<RecordedRequest> sent = ollama.chatRequests().subList(before, ollama.chatRequests().size());
        assertTrue(StandInAnswers.isCondensing(sent.getFirst()), "the follow-up was condensed first");
        assertTrue(StandInAnswers.message(sent.getFirst(), "user").contains(QUESTION));
        assertFalse(response.aiMessage().text().isBlank());

        try (AdvisorHttp http = new AdvisorHttp(advisor.uri())) {
            JsonNode latest = http.get("/api/conversations?limit=1").json().path("conversations").get(0);
            JsonNode messages = http.get("/api/conversations/" + latest.path("id").asText()).json().path("messages");
            assertEquals(List.of(QUESTION, "平均计算成本将攀升 89% [1]。", "那主要原因是什么？"),
                    List.of(messages.get(0).path("content").asText(), messages.get(1).path("content").asText(),
                            messages.get(2).path("content").asText()));
            assertEquals(4, messages.size());
            assertTrue(messages.get(3).path("meta").path("query").asText().contains("平均计算成本"));
        }
    }
}
