package org.ibvadvisor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.ibvadvisor.answer.Question;
import org.ibvadvisor.conversation.Message;
import org.ibvadvisor.conversation.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAI-compatible endpoints, driven by a real OpenAI client library (langchain4j-open-ai) and by hand. */
class OpenAiCompatibilityTest {
    private static final String ANSWER_TEXT = String.join("", FakeAnswerer.TOKENS);
    private static final String SOURCES = "\n\n参考来源：\n[1] 《生成式AI的CEO指南》 — 第一章 > 采用";

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String baseUrl() {
        return "http://127.0.0.1:" + server.server.port() + "/v1";
    }

    /** Asks with langchain4j's streaming OpenAI client; the partial texts go to {@code partials}. */
    private static ChatResponse streamed(List<ChatMessage> messages, StringBuilder partials) throws Exception {
        OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder()
                .baseUrl(baseUrl()).apiKey("unused").modelName("ibv-advisor").timeout(Duration.ofSeconds(20)).build();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        model.chat(messages, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                partials.append(partial);
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
        return done.get(20, TimeUnit.SECONDS);
    }

    @Test
    void an_openai_client_gets_the_cited_answer_with_its_sources() {
        OpenAiChatModel model = OpenAiChatModel.builder()
                .baseUrl(baseUrl()).apiKey("unused").modelName("ibv-advisor")
                .timeout(Duration.ofSeconds(20)).maxRetries(0).build();
        String answer = model.chat("高管计划如何投资生成式AI？");
        assertEquals(ANSWER_TEXT + SOURCES, answer);
        Question asked = server.answerer.questions.getLast();
        assertEquals("高管计划如何投资生成式AI？", asked.text());
        assertNull(asked.conversationId(), "a single question starts a new conversation");
    }

    @Test
    void an_openai_streaming_client_receives_the_tokens_then_the_sources() throws Exception {
        StringBuilder partials = new StringBuilder();
        ChatResponse response = streamed(List.of(UserMessage.from("What limits adoption?")), partials);
        String english = ANSWER_TEXT + "\n\nSources:\n[1] 生成式AI的CEO指南 — 第一章 > 采用";
        assertEquals(english, partials.toString());
        assertEquals(english, response.aiMessage().text());
    }

    @Test
    void a_follow_up_continues_the_stored_conversation_its_earlier_messages_came_from() {
        OpenAiChatModel model = OpenAiChatModel.builder()
                .baseUrl(baseUrl()).apiKey("unused").modelName("ibv-advisor").maxRetries(0).build();
        int before = server.conversations.list(1000, 0).size();
        UserMessage first = UserMessage.from("哪些行业最先采用？");
        AiMessage reply = model.chat(first).aiMessage();
        String conversation = server.answerer.questions.getLast().conversationId();
        ChatResponse followUp = model.chat(first, reply, UserMessage.from("为什么？"));
        Question asked = server.answerer.questions.getLast();
        assertTrue(followUp.aiMessage().text().startsWith(ANSWER_TEXT));
        assertNotNull(asked.conversationId());
        List<String> stored = server.conversations.get(asked.conversationId()).orElseThrow().messages().stream()
                .map(Message::content).toList();
        assertEquals(List.of("哪些行业最先采用？", ANSWER_TEXT, "为什么？", ANSWER_TEXT), stored,
                "the follow-up is added to the first answer's conversation, not to a copy of it");
        assertEquals(before + 1, server.conversations.list(1000, 0).size(), "one stored conversation for both turns");

        // the same earlier messages sent again (another client, or a regenerated answer) start their own copy
        model.chat(first, reply, UserMessage.from("举个例子？"));
        assertNotEquals(asked.conversationId(), server.answerer.questions.getLast().conversationId());
        assertEquals(before + 2, server.conversations.list(1000, 0).size());
        assertNull(conversation, "the first question itself started a new conversation");
    }

    @Test
    void a_follow_up_to_a_streamed_answer_continues_its_conversation_too() throws Exception {
        UserMessage first = UserMessage.from("预算从哪里来？");
        AiMessage reply = streamed(List.of(first), new StringBuilder()).aiMessage();
        int before = server.conversations.list(1000, 0).size();
        OpenAiChatModel model = OpenAiChatModel.builder()
                .baseUrl(baseUrl()).apiKey("unused").modelName("ibv-advisor").maxRetries(0).build();
        model.chat(first, reply, UserMessage.from("占多少？"));
        assertEquals(before, server.conversations.list(1000, 0).size(), "no new stored conversation for the follow-up");
        assertEquals(4, server.conversations.get(server.answerer.questions.getLast().conversationId()).orElseThrow()
                .messages().size());
    }

    @Test
    void earlier_messages_become_the_conversation_the_question_continues() {
        OpenAiChatModel model = OpenAiChatModel.builder()
                .baseUrl(baseUrl()).apiKey("unused").modelName("ibv-advisor").maxRetries(0).build();
        ChatResponse response = model.chat(
                SystemMessage.from("You are helpful."),
                UserMessage.from("高管计划如何投资？"),
                AiMessage.from("他们将扩大投资 [1]。"),
                UserMessage.from("那2025年呢？"));
        assertTrue(response.aiMessage().text().startsWith(ANSWER_TEXT));
        Question asked = server.answerer.questions.getLast();
        assertEquals("那2025年呢？", asked.text());
        assertNotNull(asked.conversationId());
        List<Message> stored = server.conversations.get(asked.conversationId()).orElseThrow().messages();
        assertEquals(List.of("高管计划如何投资？", "他们将扩大投资 [1]。", "那2025年呢？", ANSWER_TEXT),
                stored.stream().map(Message::content).toList(), "history, then the question and its answer");
        assertEquals(Role.ASSISTANT, stored.get(1).role());
    }

    @Test
    void a_completion_carries_the_openai_fields_and_the_citations_as_an_extra_field() {
        TestServer.Reply reply = server.postJson("/v1/chat/completions", """
                {"model":"ibv-advisor","messages":[{"role":"user","content":[{"type":"text","text":"高管计划"},{"type":"text","text":"如何投资？"}]}],
                 "temperature":0.2,"max_tokens":300,"user":"analyst-7"}""");
        assertEquals(200, reply.status(), reply.body());
        JsonNode body = reply.json();
        assertTrue(body.get("id").asText().startsWith("chatcmpl-"));
        assertEquals("chat.completion", body.get("object").asText());
        assertTrue(body.get("created").isIntegralNumber());
        assertEquals("ibv-advisor", body.get("model").asText());
        assertEquals("assistant", body.at("/choices/0/message/role").asText());
        assertEquals(ANSWER_TEXT + SOURCES, body.at("/choices/0/message/content").asText());
        assertEquals("stop", body.at("/choices/0/finish_reason").asText());
        assertEquals("r1#3", body.at("/citations/0/passageId").asText());
        assertEquals(120, body.at("/citations/0/span/start").asInt());
        assertEquals("generated", body.at("/advisor/mode").asText());
        assertEquals("高管计划\n如何投资？", server.answerer.questions.getLast().text());
    }

    @Test
    void a_streamed_completion_is_data_lines_of_chunks_ending_with_done() throws Exception {
        TestServer.Reply reply = server.send(HttpRequest.newBuilder(server.uri("/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"人才？\"}]}", StandardCharsets.UTF_8)));
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.header("Content-Type").startsWith("text/event-stream"));
        List<SseEvents.Event> events = SseEvents.parse(reply.body());
        assertEquals("[DONE]", events.getLast().data());
        List<JsonNode> chunks = new java.util.ArrayList<>();
        for (SseEvents.Event event : events.subList(0, events.size() - 1)) {
            assertEquals("message", event.name(), "plain data: lines, no event names");
            chunks.add(TestServer.MAPPER.readTree(event.data()));
        }
        String id = chunks.getFirst().get("id").asText();
        StringBuilder content = new StringBuilder();
        for (JsonNode chunk : chunks) {
            assertEquals("chat.completion.chunk", chunk.get("object").asText());
            assertEquals(id, chunk.get("id").asText(), "one id for the whole stream");
            content.append(chunk.at("/choices/0/delta/content").asText(""));
        }
        assertEquals("assistant", chunks.getFirst().at("/choices/0/delta/role").asText());
        assertEquals(ANSWER_TEXT + "\n\n参考来源：\n[1] 《生成式AI的CEO指南》 — 第一章 > 采用", content.toString());
        JsonNode last = chunks.getLast();
        assertEquals("stop", last.at("/choices/0/finish_reason").asText());
        assertEquals("r1#3", last.at("/citations/0/passageId").asText());
        chunks.subList(0, chunks.size() - 1).forEach(c -> assertTrue(c.at("/choices/0/finish_reason").isNull()));
    }

    @Test
    void models_lists_the_advisor() {
        JsonNode body = server.get("/v1/models").json();
        assertEquals("list", body.get("object").asText());
        assertEquals(1, body.get("data").size());
        assertEquals("ibv-advisor", body.at("/data/0/id").asText());
        assertEquals("model", body.at("/data/0/object").asText());
    }

    @Test
    void a_busy_advisor_is_503_with_retry_after_for_openai_clients_too() {
        server.answerer.behaviour = FakeAnswerer.Behaviour.BUSY;
        try {
            TestServer.Reply reply = server.postJson("/v1/chat/completions",
                    "{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"人才？\"}]}");
            assertEquals(503, reply.status());
            assertEquals("7", reply.header("Retry-After"));
            assertTrue(reply.isJsonError(), reply.body());
        } finally {
            server.answerer.behaviour = FakeAnswerer.Behaviour.ANSWER;
        }
    }
}
