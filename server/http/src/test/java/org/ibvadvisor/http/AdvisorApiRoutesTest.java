package org.ibvadvisor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ibvadvisor.answer.Question;
import org.ibvadvisor.conversation.Feedback;
import org.ibvadvisor.conversation.Rating;
import org.ibvadvisor.retrieval.RetrievalRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every route's happy path, with the exact JSON field names of the public contract. */
class AdvisorApiRoutesTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void health_reports_status_counts_model_and_extra_details() {
        TestServer.Reply reply = server.get("/api/health");
        assertEquals(200, reply.status());
        assertTrue(reply.header("Content-Type").startsWith("application/json"));
        JsonNode health = reply.json();
        assertEquals(List.of("status", "reports", "chunks", "model", "llm"), fields(health));
        assertEquals("ok", health.get("status").asText());
        assertEquals(5, health.get("reports").asInt());
        assertEquals(1234, health.get("chunks").asInt());
        assertEquals("qwen2.5:7b", health.get("model").asText());
        assertEquals("unreachable", health.at("/llm/status").asText());
    }

    @Test
    void retrieve_returns_passages_with_report_section_span_score_and_timings() {
        TestServer.Reply reply = server.postJson("/api/retrieve", """
                {"query":"高管 投资","k":2,"reports":["r1"]}""");
        assertEquals(200, reply.status(), reply.body());
        JsonNode body = reply.json();
        assertEquals(List.of("query", "passages", "confidence", "timings"), fields(body));
        assertEquals("高管 投资", body.get("query").asText());
        assertEquals(2, body.get("passages").size());
        JsonNode first = body.get("passages").get(0);
        assertEquals(List.of("id", "report", "section", "text", "span", "score", "ranks"), fields(first));
        assertEquals("r1#3", first.get("id").asText());
        assertEquals(List.of("id", "title"), fields(first.get("report")));
        assertEquals("生成式AI的CEO指南", first.at("/report/title").asText());
        assertEquals("第一章 > 采用", first.get("section").asText());
        assertEquals(List.of("start", "end"), fields(first.get("span")));
        assertEquals(120, first.at("/span/start").asInt());
        assertEquals(145, first.at("/span/end").asInt());
        assertEquals(0.91, first.get("score").asDouble(), 1e-9);
        assertEquals(0.8, body.get("confidence").asDouble(), 1e-9);
        assertEquals(List.of("embedMs", "searchMs", "totalMs"), fields(body.get("timings")));
        assertEquals(2.25, body.at("/timings/totalMs").asDouble(), 1e-9);
        RetrievalRequest seen = server.retriever.requests.getLast();
        assertEquals(new RetrievalRequest("高管 投资", 2, Set.of("r1")), seen);
    }

    @Test
    void retrieve_defaults_k_to_ten_and_all_reports() {
        TestServer.Reply reply = server.postJson("/api/retrieve", "{\"query\":\"data\"}");
        assertEquals(200, reply.status(), reply.body());
        assertEquals(new RetrievalRequest("data", 10, Set.of()), server.retriever.requests.getLast());
        assertEquals(3, reply.json().get("passages").size());
    }

    @Test
    void answer_returns_the_answer_object_with_citations_and_timings() {
        TestServer.Reply reply = server.postJson("/api/answer", "{\"question\":\"高管计划如何投资？\",\"reports\":[\"r1\"]}");
        assertEquals(200, reply.status(), reply.body());
        JsonNode answer = reply.json();
        assertEquals(List.of("conversationId", "messageId", "answer", "mode", "citations", "warnings", "model", "timings"),
                fields(answer));
        assertEquals(String.join("", FakeAnswerer.TOKENS), answer.get("answer").asText());
        assertEquals("generated", answer.get("mode").asText());
        JsonNode citation = answer.get("citations").get(0);
        assertEquals(List.of("n", "passageId", "report", "section", "quote", "span"), fields(citation));
        assertEquals(1, citation.get("n").asInt());
        assertEquals("r1#3", citation.get("passageId").asText());
        assertEquals("r1", citation.at("/report/id").asText());
        assertEquals(FakeRetriever.AI_ADOPTION.text(), citation.get("quote").asText());
        assertEquals(120, citation.at("/span/start").asInt());
        assertEquals("unverified figure: 2025", answer.get("warnings").get(0).asText());
        assertEquals("qwen2.5:7b", answer.get("model").asText());
        assertEquals(List.of("retrieveMs", "firstTokenMs", "totalMs"), fields(answer.get("timings")));
        Question asked = server.answerer.questions.getLast();
        assertEquals(new Question("高管计划如何投资？", null, Set.of("r1")), asked);
    }

    @Test
    void answer_continues_a_conversation_it_is_given() {
        String conversationId = server.postJson("/api/answer", "{\"question\":\"第一问\"}").json().get("conversationId").asText();
        TestServer.Reply reply = server.postJson("/api/answer",
                "{\"question\":\"那2025年呢？\",\"conversationId\":\"" + conversationId + "\"}");
        assertEquals(200, reply.status(), reply.body());
        assertEquals(conversationId, reply.json().get("conversationId").asText());
        assertEquals(conversationId, server.answerer.questions.getLast().conversationId());
    }

    @Test
    void a_collaborators_own_exception_gets_the_status_it_is_mapped_to() {
        server.answerer.behaviour = FakeAnswerer.Behaviour.FAIL_AFTER_PASSAGES;
        try {
            TestServer.Reply reply = server.postJson("/api/answer", "{\"question\":\"再问一次\"}");
            assertEquals(409, reply.status());
            assertTrue(reply.isJsonError(), reply.body());
            assertTrue(reply.json().get("error").asText().endsWith("is full: start a new one"));
        } finally {
            server.answerer.behaviour = FakeAnswerer.Behaviour.ANSWER;
        }
    }

    @Test
    void conversations_are_listed_read_renamed_and_deleted() {
        JsonNode answer = server.postJson("/api/answer", "{\"question\":\"什么限制了采用？\"}").json();
        String id = answer.get("conversationId").asText();

        JsonNode listed = server.get("/api/conversations").json();
        assertEquals(List.of("conversations"), fields(listed));
        JsonNode summary = listed.get("conversations").get(0);
        assertEquals(List.of("id", "title", "createdAt", "updatedAt", "messageCount"), fields(summary));
        assertEquals(id, summary.get("id").asText(), "most recent first");
        assertEquals(2, summary.get("messageCount").asInt());

        JsonNode conversation = server.get("/api/conversations/" + id).json();
        assertEquals(List.of("id", "title", "createdAt", "updatedAt", "messages"), fields(conversation));
        JsonNode question = conversation.get("messages").get(0);
        JsonNode reply = conversation.get("messages").get(1);
        assertEquals(List.of("id", "role", "content", "createdAt", "meta", "feedback"), fields(question));
        assertEquals("user", question.get("role").asText());
        assertEquals("什么限制了采用？", question.get("content").asText());
        assertTrue(question.get("meta").isNull());
        assertEquals("assistant", reply.get("role").asText());
        assertEquals(answer.get("citations"), reply.at("/meta/citations"), "meta is the done object");
        assertEquals("generated", reply.at("/meta/mode").asText());

        TestServer.Reply renamed = server.send(HttpRequest.newBuilder(server.uri("/api/conversations/" + id))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"title\":\"  采用的障碍 \"}")));
        assertEquals(200, renamed.status(), renamed.body());
        assertEquals("采用的障碍", renamed.json().get("title").asText());
        assertEquals("采用的障碍", server.get("/api/conversations/" + id).json().get("title").asText());

        TestServer.Reply deleted = server.send(HttpRequest.newBuilder(server.uri("/api/conversations/" + id)).DELETE());
        assertEquals(204, deleted.status());
        assertEquals(404, server.get("/api/conversations/" + id).status());
        assertTrue(server.get("/api/conversations/" + id).isJsonError());
    }

    @Test
    void conversations_are_paged_with_limit_and_offset() {
        for (int i = 0; i < 3; i++) server.postJson("/api/answer", "{\"question\":\"问题" + i + "\"}");
        JsonNode all = server.get("/api/conversations?limit=200").json().get("conversations");
        JsonNode page = server.get("/api/conversations?limit=2&offset=1").json().get("conversations");
        assertEquals(2, page.size());
        assertEquals(all.get(1).get("id"), page.get(0).get("id"));
        assertEquals(all.get(2).get("id"), page.get(1).get("id"));
    }

    @Test
    void feedback_is_stored_on_the_answer_and_shown_with_the_conversation() {
        JsonNode answer = server.postJson("/api/answer", "{\"question\":\"人才？\"}").json();
        String messageId = answer.get("messageId").asText();
        TestServer.Reply reply = server.postJson("/api/feedback",
                "{\"messageId\":\"" + messageId + "\",\"rating\":\"down\",\"comment\":\"缺少数据\\n来源\"}");
        assertEquals(204, reply.status(), reply.body());
        String conversationId = answer.get("conversationId").asText();
        Feedback given = server.conversations.get(conversationId).orElseThrow().feedbackFor(messageId).orElseThrow();
        assertEquals(Rating.DOWN, given.rating());
        assertEquals("缺少数据\n来源", given.comment());
        JsonNode shown = server.get("/api/conversations/" + conversationId).json();
        assertEquals("down", shown.at("/messages/1/feedback/rating").asText());

        assertEquals(204, server.postJson("/api/feedback", "{\"messageId\":\"" + messageId + "\",\"rating\":\"up\"}").status());
        assertEquals(Rating.UP, server.conversations.get(conversationId).orElseThrow().feedbackFor(messageId).orElseThrow()
                .rating());
    }

    @Test
    void reports_are_listed_with_titles_and_starter_questions() {
        JsonNode body = server.get("/api/reports").json();
        assertEquals(2, body.get("reports").size());
        JsonNode first = body.get("reports").get(0);
        assertEquals(List.of("id", "title", "titleEn", "shortTitle", "starterQuestions"), fields(first));
        assertEquals("r1", first.get("id").asText());
        assertEquals("生成式AI的CEO指南", first.get("title").asText());
        assertEquals("The CEO's Guide to Generative AI", first.get("titleEn").asText());
        assertEquals("CEO指南", first.get("shortTitle").asText());
        assertEquals("What limits adoption?", first.get("starterQuestions").get(1).asText());
    }

    @Test
    void report_text_is_served_whole() {
        TestServer.Reply reply = server.get("/api/reports/r1/text");
        assertEquals(200, reply.status());
        JsonNode body = reply.json();
        assertEquals(List.of("id", "title", "text"), fields(body));
        assertEquals(server.reports.text("r1").orElseThrow().text(), body.get("text").asText());
    }

    @Test
    void the_chat_page_is_served_at_the_root_with_a_content_security_policy() {
        TestServer.Reply page = server.get("/");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("chat page stand-in"));
        assertTrue(page.header("Content-Type").startsWith("text/html"));
        assertEquals("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'", page.header("Content-Security-Policy"));
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
    }

    @Test
    void api_answers_carry_nosniff_and_no_cors_headers_by_default() {
        TestServer.Reply reply = server.send(HttpRequest.newBuilder(server.uri("/api/health"))
                .header("Origin", "https://elsewhere.example").GET());
        assertEquals("nosniff", reply.header("X-Content-Type-Options"));
        assertNull(reply.header("Access-Control-Allow-Origin"));
    }
}
