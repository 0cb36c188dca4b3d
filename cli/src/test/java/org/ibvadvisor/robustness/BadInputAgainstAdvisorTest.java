package org.ibvadvisor.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ibvadvisor.http.BadInputTest;
import org.ibvadvisor.http.BadInputTest.Case;
import org.ibvadvisor.testkit.ollama.ChatScript;
import org.ibvadvisor.testkit.ollama.StandInOllama;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed requests against the real advisor: the http module's table (written against fakes) replayed, plus every
 * generic malformation sent to every endpoint that takes a JSON body, plus unknown and deleted ids, methods, query
 * strings and path tricks. Each must get its 4xx with a JSON {@code {"error": "…"}} body; the advisor must answer
 * normally afterwards. Placeholders: {@code {conv}} an existing conversation, {@code {question}} and {@code {answer}}
 * its messages, {@code {deleted}} a deleted conversation, {@code {deletedAnswer}} an answer in it, {@code {report}}
 * the indexed report.
 */
class BadInputAgainstAdvisorTest {
    private static final String JSON = "application/json";
    private static StandInOllama ollama;
    private static RealAdvisor advisor;
    private static Map<String, String> placeholders;

    @BeforeAll
    static void start() {
        ollama = StandInOllama.start().onChat(ChatScript.reply("生成式 AI 正在改变企业 [1]。"));
        advisor = new RealAdvisor(ollama.baseUrl(), settings -> settings, api -> api);
        JsonNode kept = advisor.postJson("/api/answer", "{\"question\":\"生成式 AI 对企业有什么影响？\"}").json();
        String conversation = kept.path("conversationId").asText();
        String question = advisor.get("/api/conversations/" + conversation).json().path("messages").get(0).path("id").asText();
        JsonNode gone = advisor.postJson("/api/answer", "{\"question\":\"企业如何应用生成式 AI？\"}").json();
        int deleted = advisor.send(HttpRequest.newBuilder(advisor.uri("/api/conversations/" + gone.path("conversationId").asText()))
                .DELETE()).status();
        assertTrue(deleted >= 200 && deleted < 300, "deleting a conversation answered " + deleted);
        placeholders = Map.of("{conv}", conversation, "{question}", question, "{answer}", kept.path("messageId").asText(),
                "{deleted}", gone.path("conversationId").asText(), "{deletedAnswer}", gone.path("messageId").asText(),
                "{report}", SmallIndex.reportId());
    }

    @AfterAll
    static void stop() {
        if (advisor != null) advisor.close();
        if (ollama != null) ollama.close();
    }

    /** The JSON-body endpoints: method, path, a valid body, extra headers, and whether unknown fields are refused. */
    private record Endpoint(String method, String path, String valid, Map<String, String> headers, boolean strictFields) {}

    private static final List<Endpoint> JSON_ENDPOINTS = List.of(
            new Endpoint("POST", "/api/retrieve", "{\"query\":\"数据\"}", Map.of(), true),
            new Endpoint("POST", "/api/answer", "{\"question\":\"数据\"}", Map.of(), true),
            new Endpoint("POST", "/api/chat", "{\"question\":\"数据\"}", Map.of("Accept", "text/event-stream"), true),
            new Endpoint("POST", "/api/feedback", "{\"messageId\":\"{answer}\",\"rating\":\"up\"}", Map.of(), true),
            new Endpoint("PATCH", "/api/conversations/{conv}", "{\"title\":\"新标题\"}", Map.of(), true),
            new Endpoint("POST", "/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"数据\"}]}", Map.of(), false));

    private static Case bytes(Endpoint e, String contentType, byte[] body, int status) {
        return new Case(e.method(), e.path(), contentType, e.headers(), body, status);
    }

    private static Case body(Endpoint e, String body, int status) {
        return bytes(e, JSON, body.getBytes(StandardCharsets.UTF_8), status);
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Every generic malformation, sent to every JSON endpoint. */
    static List<Case> genericCases() {
        List<Case> cases = new ArrayList<>();
        for (Endpoint e : JSON_ENDPOINTS) {
            String valid = e.valid();
            String inner = valid.substring(1, valid.length() - 1);
            cases.add(body(e, "{\"", 400));
            cases.add(body(e, "{\"x\":}", 400));
            cases.add(body(e, "[" + valid + "]", 400));
            cases.add(body(e, "true", 400));
            cases.add(body(e, "123", 400));
            cases.add(body(e, "   \n\t ", 400));
            cases.add(body(e, valid + " " + valid, 400));
            cases.add(body(e, "{" + inner + " /* comment */}", 400));
            cases.add(body(e, "{" + inner + ",\"n\":NaN}", 400));
            cases.add(body(e, "{" + inner + ",\"s\":\"raw\u0001control\"}", 400));
            cases.add(body(e, "{\"\u0000\":1}", 400));
            cases.add(bytes(e, JSON, concat("{" + inner + ",\"s\":\"", new byte[] {(byte) 0x80}, "\"}"), 400));
            cases.add(bytes(e, JSON, concat("{" + inner + ",\"s\":\"", new byte[] {(byte) 0xf8, (byte) 0x88}, "\"}"), 400));
            cases.add(bytes(e, JSON, concat("{" + inner + ",\"s\":\"", new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, "\"}"), 400));
            cases.add(bytes(e, JSON, concat("{" + inner + ",\"s\":\"", new byte[] {(byte) 0xf0, (byte) 0x9f, (byte) 0x98}, "\"}"), 400));
            cases.add(body(e, "{\"x\":" + "[".repeat(100) + "]".repeat(100) + "}", 400));
            cases.add(body(e, "{\"x\":" + "{\"y\":".repeat(60) + "1" + "}".repeat(60) + "}", 400));
            cases.add(body(e, "{\"x\":[" + "null,".repeat(12_000) + "null]}", 400));
            cases.add(body(e, "{" + inner + ",\"pad\":\"" + "x".repeat(64 * 1024) + "\"}", 413));
            cases.add(body(e, "{" + inner + ",\"pad\":\"" + "长".repeat(400_000) + "\"}", 413));
            if (e.strictFields()) {
                cases.add(body(e, "{" + inner + ",\"zzz\":1}", 400));
                cases.add(body(e, "{" + inner + "," + inner + "}", 400));
            }
            for (String type : List.of("text/json", "application/xml", "application/json; charset=utf-16", "application/json-patch+json")) {
                cases.add(bytes(e, type, valid.getBytes(StandardCharsets.UTF_8), 415));
            }
        }
        return cases;
    }

    private static Case request(String method, String path, String contentType, String body, int status) {
        return new Case(method, path, contentType, Map.of(), body == null ? null : body.getBytes(StandardCharsets.UTF_8), status);
    }

    /** Unknown and deleted ids, methods, query strings and path tricks on the real advisor. */
    static List<Case> specificCases() {
        return List.of(
                request("POST", "/api/retrieve", JSON, "{\"query\":\"数据\",\"reports\":[\"{report}\",\"nope\"]}", 400),
                request("POST", "/api/retrieve", JSON, "{\"query\":\"数据\",\"reports\":[\"{REPORT}\"]}", 400),
                request("POST", "/api/retrieve", JSON, "{\"query\":\"数据\",\"reports\":[" + "\"{report}\",".repeat(100) + "\"{report}\"]}", 400),
                request("POST", "/api/retrieve", JSON, "{\"query\":\"数据\",\"k\":\"\"}", 400),
                request("POST", "/api/retrieve", JSON, "{\"query\":\"数据\",\"k\":[]}", 400),
                request("POST", "/api/retrieve", JSON, "{\"query\":\"数据\",\"k\":1.0}", 400),
                request("POST", "/api/retrieve", JSON, "{\"query\":\"数据\",\"k\":2147483648}", 400),
                request("POST", "/api/retrieve", JSON, "{\"query\":\"数据\",\"k\":-2147483649}", 400),
                request("POST", "/api/answer", JSON, "{\"question\":\"数据\",\"conversationId\":\"{deleted}\"}", 404),
                request("POST", "/api/answer", JSON, "{\"question\":\"数据\",\"conversationId\":\"\"}", 404),
                request("POST", "/api/answer", JSON, "{\"question\":\"数据\",\"conversationId\":null,\"reports\":[\"nope\"]}", 400),
                request("POST", "/api/answer", JSON, "{\"question\":\"" + "问".repeat(2001) + "\"}", 400),
                request("POST", "/api/feedback", JSON, "{\"messageId\":\"{deletedAnswer}\",\"rating\":\"up\"}", 404),
                request("POST", "/api/feedback", JSON, "{\"messageId\":\"{answer}\",\"rating\":\"thumbs\"}", 400),
                request("POST", "/api/feedback", JSON, "{\"messageId\":\"{answer}\",\"rating\":\"up\",\"comment\":\"a\\u0000b\"}", 400),
                request("GET", "/api/conversations/{deleted}", null, null, 404),
                request("DELETE", "/api/conversations/{deleted}", null, null, 404),
                request("PATCH", "/api/conversations/{deleted}", JSON, "{\"title\":\"t\"}", 404),
                request("PATCH", "/api/conversations/{conv}", JSON, "{\"title\":null}", 400),
                request("GET", "/api/conversations?limit=-5", null, null, 400),
                request("GET", "/api/conversations?limit=", null, null, 400),
                request("GET", "/api/conversations?offset=abc", null, null, 400),
                request("GET", "/api/conversations?offset=99999999999", null, null, 400),
                request("GET", "/api/reports/{REPORT}/text", null, null, 404),
                request("GET", "/api/reports/%E8%B6%85%E7%BA%A7/text", null, null, 404),
                request("GET", "/api/reports/{report}%00/text", null, null, 400),
                request("GET", "/api/conversations/%00", null, null, 400),
                request("GET", "/api/%252e%252e/health", null, null, 404),
                request("GET", "/api/reports/{report}/text/..%2f..%2fhealth", null, null, 404),
                request("GET", "/" + "a".repeat(20_000), null, null, 414),
                request("PUT", "/api/answer", JSON, "{\"question\":\"数据\"}", 405),
                request("DELETE", "/api/chat", null, null, 405),
                request("PATCH", "/api/retrieve", JSON, "{\"query\":\"数据\"}", 405),
                request("POST", "/api/conversations", JSON, "{}", 405),
                request("PUT", "/api/feedback", JSON, "{}", 405),
                request("DELETE", "/v1/models", null, null, 405),
                request("DELETE", "/api/reports/{report}/text", null, null, 405),
                request("PUT", "/api/health", JSON, "{}", 405),
                request("DELETE", "/api/health", null, null, 405),
                request("PATCH", "/api/health", JSON, "{}", 405),
                request("PUT", "/v1/models", JSON, "{}", 405),
                request("PATCH", "/v1/models", JSON, "{}", 405),
                request("GET", "/v1/models/ibv-advisor/extra", null, null, 404));
    }

    static Stream<Case> cases() {
        return Stream.of(BadInputTest.cases(), genericCases().stream(), specificCases().stream()).flatMap(s -> s);
    }

    private static byte[] fill(byte[] body) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        for (var entry : placeholders.entrySet()) {
            text = text.replace(entry.getKey(), entry.getValue());
            text = text.replace(entry.getKey().toUpperCase(java.util.Locale.ROOT), entry.getValue().toUpperCase(java.util.Locale.ROOT));
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String fill(String path) {
        return new String(fill(path.getBytes(StandardCharsets.ISO_8859_1)), StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bad_input_to_the_real_advisor_gets_a_4xx_with_a_json_error(Case bad) {
        HttpRequest.BodyPublisher body = bad.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(fill(bad.body()));
        HttpRequest.Builder request = HttpRequest.newBuilder(advisor.uri(fill(bad.path()))).method(bad.method(), body);
        if (bad.contentType() != null) request.header("Content-Type", bad.contentType());
        bad.headers().forEach(request::header);

        RealAdvisor.Reply reply;
        try {
            reply = advisor.send(request);
        } catch (RuntimeException e) {
            throw new AssertionError(bad + " got no response: " + e, e);
        }

        assertEquals(bad.status(), reply.status(), () -> bad + " answered " + shorten(reply.body()));
        assertTrue(reply.isJsonError(), () -> bad + " answered " + reply.contentType() + " " + shorten(reply.body()));
    }

    @Test
    void after_every_bad_request_the_advisor_still_answers_and_stored_nothing_from_them() {
        cases().forEach(this::bad_input_to_the_real_advisor_gets_a_4xx_with_a_json_error);

        assertTrue(advisor.alive());
        assertEquals(200, advisor.postJson("/api/retrieve", "{\"query\":\"生成式 AI\"}").status());
        assertEquals(200, advisor.postJson("/api/answer", "{\"question\":\"生成式 AI 的价值是什么？\"}").status());
        JsonNode conversations = advisor.get("/api/conversations?limit=100").json();
        assertTrue(conversations.size() <= 3, () -> "bad requests left conversations behind: " + conversations);
    }

    @Test
    void a_request_refused_before_any_route_says_that_the_connection_closes() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", advisor.advisor.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write("GET /api/reports/%00/text HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            String head = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
            assertTrue(head.startsWith("http/1.1 400"), head);
            assertTrue(head.contains("\r\nconnection: close"), "Jetty closes the connection after this 400; it must say so: " + head);
        }
    }

    @Test
    void the_suite_sends_over_two_hundred_bad_requests_to_every_endpoint() {
        List<Case> all = cases().toList();
        assertTrue(all.size() >= 200, "cases: " + all.size());
        for (String endpoint : List.of("/api/retrieve", "/api/answer", "/api/chat", "/api/conversations", "/api/feedback",
                "/api/reports", "/api/health", "/v1/chat/completions", "/v1/models")) {
            assertTrue(all.stream().filter(c -> c.path().startsWith(endpoint)).count() >= 5, "few cases for " + endpoint);
        }
    }

    private static String shorten(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
