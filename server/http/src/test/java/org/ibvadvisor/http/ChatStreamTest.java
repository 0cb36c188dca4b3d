package org.ibvadvisor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code POST /api/chat} as Server-Sent Events: order, format, errors, and cancellation when the client leaves. */
class ChatStreamTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.answerer.behaviour = FakeAnswerer.Behaviour.ANSWER;
        server.answerer.cancelSeen = new CountDownLatch(1);
        server.answerer.streaming = new CountDownLatch(1);
    }

    private static TestServer.Reply chat(String body, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/api/chat"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (accept != null) request.header("Accept", accept);
        return server.send(request);
    }

    @Test
    void chat_streams_passages_first_then_tokens_then_done_with_the_answer() throws Exception {
        TestServer.Reply reply = chat("{\"question\":\"高管计划如何投资？\"}", "text/event-stream");
        assertEquals(200, reply.status());
        assertTrue(reply.header("Content-Type").startsWith("text/event-stream"), reply.header("Content-Type"));
        assertEquals("no-cache", reply.header("Cache-Control"));

        List<SseEvents.Event> events = SseEvents.parse(reply.body());
        List<String> names = events.stream().map(SseEvents.Event::name).toList();
        assertEquals(List.of("passages", "token", "token", "token", "token", "done"), names);
        events.forEach(e -> assertFalse(e.data().isBlank(), "every event has data: " + e));

        JsonNode passages = TestServer.MAPPER.readTree(events.getFirst().data());
        String conversationId = passages.get("conversationId").asText();
        assertFalse(conversationId.isBlank());
        assertEquals(3, passages.get("passages").size());
        assertEquals("r1#3", passages.at("/passages/0/id").asText());
        assertEquals(120, passages.at("/passages/0/span/start").asInt());
        assertEquals("生成式AI的CEO指南", passages.at("/passages/0/report/title").asText());

        StringBuilder text = new StringBuilder();
        for (SseEvents.Event token : events.subList(1, 5)) text.append(TestServer.MAPPER.readTree(token.data()).get("text").asText());
        assertEquals(String.join("", FakeAnswerer.TOKENS), text.toString());

        JsonNode done = TestServer.MAPPER.readTree(events.getLast().data());
        assertEquals(conversationId, done.get("conversationId").asText());
        assertEquals(text.toString(), done.get("answer").asText());
        assertEquals("generated", done.get("mode").asText());
        assertEquals("r1#3", done.at("/citations/0/passageId").asText());
        assertFalse(done.get("messageId").asText().isBlank());
        JsonNode stored = server.get("/api/conversations/" + conversationId).json();
        assertEquals(done, stored.at("/messages/1/meta"), "the done event is what a reload shows as meta");
    }

    @Test
    void chat_accepts_event_stream_among_other_media_types() {
        TestServer.Reply reply = chat("{\"question\":\"什么限制了采用？\"}", "application/json;q=0.5, text/event-stream");
        assertEquals(200, reply.status());
        assertEquals("done", SseEvents.parse(reply.body()).getLast().name());
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.NullSource
    @org.junit.jupiter.params.provider.ValueSource(strings = {"application/json", "*/*", "text/html"})
    void chat_without_accepting_an_event_stream_is_406_telling_which_header_to_send(String accept) {
        TestServer.Reply reply = chat("{\"question\":\"什么限制了采用？\"}", accept);
        assertEquals(406, reply.status());
        assertTrue(reply.isJsonError(), reply.body());
        assertTrue(reply.json().get("error").asText().contains("Accept: text/event-stream"));
    }

    @Test
    void a_busy_answerer_is_503_with_retry_after_before_any_event() {
        server.answerer.behaviour = FakeAnswerer.Behaviour.BUSY;
        TestServer.Reply reply = chat("{\"question\":\"什么限制了采用？\"}", "text/event-stream");
        assertEquals(503, reply.status());
        assertEquals("7", reply.header("Retry-After"));
        assertTrue(reply.isJsonError(), reply.body());
    }

    @Test
    void bad_input_to_chat_is_a_json_400_not_a_stream() {
        TestServer.Reply reply = chat("{\"question\":\"\"}", "text/event-stream");
        assertEquals(400, reply.status());
        assertTrue(reply.isJsonError(), reply.body());
    }

    @Test
    void a_known_failure_after_the_passages_ends_the_stream_with_an_error_event_naming_it() throws Exception {
        server.answerer.behaviour = FakeAnswerer.Behaviour.FAIL_AFTER_PASSAGES;
        List<SseEvents.Event> events = SseEvents.parse(chat("{\"question\":\"什么限制了采用？\"}", "text/event-stream").body());
        assertEquals(List.of("passages", "error"), events.stream().map(SseEvents.Event::name).toList());
        String conversationId = TestServer.MAPPER.readTree(events.getFirst().data()).get("conversationId").asText();
        assertEquals(TestServer.MAPPER.readTree("{\"error\":\"conversation " + conversationId + " is full: start a new one\"}"),
                TestServer.MAPPER.readTree(events.getLast().data()));
    }

    @Test
    void an_unexpected_failure_mid_stream_sends_a_generic_error_without_internals() throws Exception {
        server.answerer.behaviour = FakeAnswerer.Behaviour.FAIL_UNEXPECTEDLY_AFTER_PASSAGES;
        List<SseEvents.Event> events = SseEvents.parse(chat("{\"question\":\"什么限制了采用？\"}", "text/event-stream").body());
        assertEquals("error", events.getLast().name());
        String message = TestServer.MAPPER.readTree(events.getLast().data()).get("error").asText();
        assertTrue(message.startsWith("internal error"), message);
        assertFalse(message.contains("secret"), message);
        server.assertAlive();
    }

    @ParameterizedTest
    @EnumSource(value = FakeAnswerer.Behaviour.class, names = {"SILENT_UNTIL_CANCELLED", "TOKENS_UNTIL_CANCELLED"})
    void a_chat_client_that_disconnects_cancels_the_answer(FakeAnswerer.Behaviour behaviour) throws Exception {
        server.answerer.behaviour = behaviour;
        disconnectMidStream("/api/chat", "{\"question\":\"什么限制了采用？\"}", "event: passages");
    }

    @ParameterizedTest
    @EnumSource(value = FakeAnswerer.Behaviour.class, names = {"SILENT_UNTIL_CANCELLED", "TOKENS_UNTIL_CANCELLED"})
    void an_openai_streaming_client_that_disconnects_cancels_the_answer(FakeAnswerer.Behaviour behaviour) throws Exception {
        server.answerer.behaviour = behaviour;
        disconnectMidStream("/v1/chat/completions",
                "{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"什么限制了采用？\"}]}", "data: {");
    }

    /** Starts a stream over a raw socket, waits until it runs, hangs up, and expects the answerer to see it. */
    private static void disconnectMidStream(String path, String json, String firstLine) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", server.server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Accept: text/event-stream\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            boolean started = false;
            boolean running = false;
            for (String line; (line = in.readLine()) != null; ) {
                if (!started && line.startsWith(firstLine)) {
                    started = true;
                } else if (started && (line.startsWith(": keep-alive") || line.equals("event: token") || line.startsWith("data: {"))) {
                    running = true;
                    break;
                }
            }
            assertTrue(started && running, "the stream was running before the client left");
            assertTrue(server.answerer.streaming.await(5, TimeUnit.SECONDS));
            assertFalse(server.answerer.cancelSeen.await(0, TimeUnit.MILLISECONDS), "not cancelled while connected");
        }
        assertTrue(server.answerer.cancelSeen.await(10, TimeUnit.SECONDS), "the answerer saw cancelled() after the disconnect");
        server.assertAlive();
    }
}
