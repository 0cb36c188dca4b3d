package org.ibvadvisor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two users, ana and bo, signed in one way; whatever bo does with ana's conversation, message or /v1 follow-up, it
 * is not found (404, exactly like one that does not exist), his lists omit hers, and hers stays as it was. Every way
 * in (keys, the trusted proxy through nginx, OpenID Connect) extends it and runs the same assertions.
 */
abstract class ConversationIsolationContract {
    static final String QUESTION = "生成式 AI 的投资回报如何？";
    static final String FOLLOW_UP = "那主要原因是什么？";

    /** Requests as one signed-in user. */
    interface Client {
        /** {@code method path} with a JSON {@code body} (or {@code null}); the response. */
        HttpResponse<String> send(String method, String path, String body);

        default JsonNode json(String method, String path, String body) {
            HttpResponse<String> response = send(method, path, body);
            assertEquals(200, response.statusCode(), method + " " + path + ": " + response.body());
            try {
                return TestServer.MAPPER.readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The request a client makes, to {@code base} (no trailing slash): JSON in, and an event stream from /api/chat. */
    static HttpRequest.Builder request(String base, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) request.header("Content-Type", "application/json");
        if (path.equals("/api/chat")) request.header("Accept", "text/event-stream");
        return request;
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    abstract Client ana();

    abstract Client bo();

    @Test
    void bo_gets_404_for_everything_on_anas_conversation_and_it_stays_as_it_was() {
        JsonNode answer = ana().json("POST", "/api/answer", "{\"question\":\"" + QUESTION + "\"}");
        String conversation = answer.path("conversationId").asText();
        String message = answer.path("messageId").asText();
        String before = ana().json("GET", "/api/conversations/" + conversation, null).toString();

        assertNotFound(bo().send("GET", "/api/conversations/" + conversation, null));
        assertNotFound(bo().send("PATCH", "/api/conversations/" + conversation, "{\"title\":\"bo's now\"}"));
        assertNotFound(bo().send("DELETE", "/api/conversations/" + conversation, null));
        assertNotFound(bo().send("POST", "/api/feedback", "{\"messageId\":\"" + message + "\",\"rating\":\"down\"}"));
        assertNotFound(bo().send("POST", "/api/answer",
                "{\"question\":\"" + FOLLOW_UP + "\",\"conversationId\":\"" + conversation + "\"}"));
        assertNotFound(bo().send("POST", "/api/chat",
                "{\"question\":\"" + FOLLOW_UP + "\",\"conversationId\":\"" + conversation + "\"}"));
        assertNotFound(bo().send("GET", "/api/conversations/AAAAAAAAAAAAAAAAAAAAAA", null));

        assertEquals(before, ana().json("GET", "/api/conversations/" + conversation, null).toString(),
                "nothing bo did reached ana's conversation");
        assertEquals(204, ana().send("POST", "/api/feedback", "{\"messageId\":\"" + message + "\",\"rating\":\"up\"}").statusCode());
    }

    @Test
    void bos_list_omits_anas_conversations_and_holds_his_own() {
        String anas = ana().json("POST", "/api/answer", "{\"question\":\"" + QUESTION + "\"}").path("conversationId").asText();
        String bos = bo().json("POST", "/api/answer", "{\"question\":\"" + QUESTION + "\"}").path("conversationId").asText();

        List<String> boSees = ids(bo().json("GET", "/api/conversations?limit=200", null));
        List<String> anaSees = ids(ana().json("GET", "/api/conversations?limit=200", null));
        assertTrue(boSees.contains(bos) && !boSees.contains(anas), boSees.toString());
        assertTrue(anaSees.contains(anas) && !anaSees.contains(bos), anaSees.toString());
    }

    @Test
    void a_v1_follow_up_continues_only_the_callers_own_conversation() {
        JsonNode first = ana().json("POST", "/v1/chat/completions", completion(List.of("user", QUESTION)));
        String anas = first.path("advisor").path("conversationId").asText();
        String reply = first.path("choices").path(0).path("message").path("content").asText();
        String followUp = completion(List.of("user", QUESTION, "assistant", reply, "user", FOLLOW_UP));

        JsonNode bos = bo().json("POST", "/v1/chat/completions", followUp);
        String bosConversation = bos.path("advisor").path("conversationId").asText();
        assertNotEquals(anas, bosConversation, "bo sending ana's very messages starts a conversation of his own");
        assertNotFound(bo().send("GET", "/api/conversations/" + anas, null));
        JsonNode stored = bo().json("GET", "/api/conversations/" + bosConversation, null).path("messages");
        assertEquals("assistant", stored.path(1).path("role").asText());
        assertTrue(stored.path(1).path("clientSupplied").asBoolean(), "the reply bo sent is flagged as his client's: " + stored);
        assertFalse(stored.path(3).has("clientSupplied"), "the advisor's own answer is not: " + stored);
        assertEquals(400, bo().send("POST", "/api/feedback", "{\"messageId\":\"" + stored.path(1).path("id").asText()
                + "\",\"rating\":\"up\"}").statusCode(), "no feedback on what the advisor did not say");

        assertEquals(anas, ana().json("POST", "/v1/chat/completions", followUp).path("advisor").path("conversationId").asText(),
                "and ana's follow-up still continues hers");
        assertEquals(4, ana().json("GET", "/api/conversations/" + anas, null).path("messages").size());
    }

    static void assertNotFound(HttpResponse<String> response) {
        assertEquals(404, response.statusCode(), response.request().method() + " " + response.uri() + ": " + response.body());
        assertTrue(response.body().startsWith("{\"error\":\"no "), response.body());
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.path("conversations").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private static String completion(List<String> rolesAndContents) {
        ObjectNode body = TestServer.MAPPER.createObjectNode().put("model", "ibv-advisor");
        var messages = body.putArray("messages");
        for (int i = 0; i < rolesAndContents.size(); i += 2) {
            messages.addObject().put("role", rolesAndContents.get(i)).put("content", rolesAndContents.get(i + 1));
        }
        return body.toString();
    }
}
