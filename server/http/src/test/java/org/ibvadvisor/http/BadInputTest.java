package org.ibvadvisor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed requests across every endpoint: each gets the expected 4xx with a JSON {@code {"error": "…"}} body,
 * none a 5xx, and the server keeps answering. {@code {conv}} and {@code {question}} in a case stand for an
 * existing conversation and the id of a question in it. The case table is public: the robustness suite replays
 * it against the real advisor.
 */
public class BadInputTest {
    private static final String JSON = "application/json";
    private static TestServer server;
    private static String conversationId;
    private static String questionMessageId;

    @BeforeAll
    static void start() {
        server = new TestServer();
        conversationId = server.postJson("/api/answer", "{\"question\":\"第一问\"}").json().get("conversationId").asText();
        questionMessageId = server.conversations.get(conversationId).orElseThrow().messages().getFirst().id();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** One bad request and the status it must get. */
    public record Case(String method, String path, String contentType, Map<String, String> headers, byte[] body, int status) {
        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            shown = shown.length() > 50 ? shown.substring(0, 50) + "…(" + body.length + " bytes)" : shown;
            return method + " " + path + " [" + contentType + "] " + shown.replaceAll("\\p{Cntrl}", "?") + " -> " + status;
        }
    }

    private static Case post(String path, String body, int status) {
        return new Case("POST", path, JSON, Map.of(), body.getBytes(StandardCharsets.UTF_8), status);
    }

    private static Case postBytes(String path, byte[] body, int status) {
        return new Case("POST", path, JSON, Map.of(), body, status);
    }

    private static Case typed(String method, String path, String contentType, String body, int status) {
        return new Case(method, path, contentType, Map.of(), body == null ? null : body.getBytes(StandardCharsets.UTF_8), status);
    }

    private static Case chat(String body, int status) {
        return new Case("POST", "/api/chat", JSON, Map.of("Accept", "text/event-stream"), body.getBytes(StandardCharsets.UTF_8), status);
    }

    private static Case get(String path, int status) {
        return new Case("GET", path, null, Map.of(), null, status);
    }

    private static Case method(String method, String path, int status) {
        return new Case(method, path, null, Map.of(), null, status);
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    public static Stream<Case> cases() {
        String longText = "长".repeat(2001);
        String megabyte = "{\"question\":\"" + "x".repeat(1_000_000) + "\"}";
        List<Case> cases = new ArrayList<>(List.of(
                // /api/retrieve: JSON itself
                post("/api/retrieve", "{", 400),
                post("/api/retrieve", "hello", 400),
                post("/api/retrieve", "[]", 400),
                post("/api/retrieve", "\"query\"", 400),
                post("/api/retrieve", "null", 400),
                post("/api/retrieve", "", 400),
                post("/api/retrieve", "{\"query\":\"a\"} trailing", 400),
                post("/api/retrieve", "{\"query\":\"a\",\"query\":\"b\"}", 400),
                post("/api/retrieve", "{'query':'a'}", 400),
                post("/api/retrieve", "{\"query\":\"a\",}", 400),
                postBytes("/api/retrieve", concat("{\"query\":\"", new byte[]{(byte) 0xff, (byte) 0xfe}, "\"}"), 400),
                postBytes("/api/retrieve", concat("{\"query\":\"", new byte[]{(byte) 0xc0, (byte) 0xaf}, "\"}"), 400),
                postBytes("/api/retrieve", concat("{\"query\":\"", new byte[]{(byte) 0xe4, (byte) 0xb8}, "\"}"), 400),
                post("/api/retrieve", "{\"query\":\"a\",\"reports\":" + nested(40) + "}", 400),
                post("/api/retrieve", nested(5000), 400),
                post("/api/retrieve", "{\"query\":\"a\",\"k\":" + "9".repeat(1000) + "}", 400),
                // /api/retrieve: fields
                post("/api/retrieve", "{}", 400),
                post("/api/retrieve", "{\"query\":null}", 400),
                post("/api/retrieve", "{\"query\":\"   \\n\\t \"}", 400),
                post("/api/retrieve", "{\"query\":42}", 400),
                post("/api/retrieve", "{\"query\":[\"a\"]}", 400),
                post("/api/retrieve", "{\"query\":{\"text\":\"a\"}}", 400),
                post("/api/retrieve", "{\"query\":\"" + longText + "\"}", 400),
                post("/api/retrieve", "{\"query\":\"a\\u0001b\"}", 400),
                post("/api/retrieve", "{\"query\":\"a\\u0000\"}", 400),
                post("/api/retrieve", "{\"query\":\"a\\u001b[31m\"}", 400),
                post("/api/retrieve", "{\"query\":\"a\\ud800b\"}", 400),
                post("/api/retrieve", "{\"query\":\"a\",\"k\":0}", 400),
                post("/api/retrieve", "{\"query\":\"a\",\"k\":51}", 400),
                post("/api/retrieve", "{\"query\":\"a\",\"k\":-1}", 400),
                post("/api/retrieve", "{\"query\":\"a\",\"k\":\"10\"}", 400),
                post("/api/retrieve", "{\"query\":\"a\",\"k\":2.5}", 400),
                post("/api/retrieve", "{\"query\":\"a\",\"k\":1e10}", 400),
                post("/api/retrieve", "{\"query\":\"a\",\"k\":99999999999999999999}", 400),
                post("/api/retrieve", "{\"query\":\"a\",\"k\":true}", 400),
                post("/api/retrieve", "{\"query\":\"a\",\"reports\":\"r1\"}", 400),
                post("/api/retrieve", "{\"query\":\"a\",\"reports\":[1]}", 400),
                post("/api/retrieve", "{\"query\":\"a\",\"reports\":[\"nope\"]}", 400),
                post("/api/retrieve", "{\"query\":\"a\",\"reports\":[\"\"]}", 400),
                post("/api/retrieve", "{\"query\":\"a\",\"reports\":[\"r1\",null]}", 400),
                post("/api/retrieve", "{\"query\":\"a\",\"filter\":\"r1\"}", 400),
                post("/api/retrieve", megabyte, 413),
                typed("POST", "/api/retrieve", "text/plain", "{\"query\":\"a\"}", 415),
                typed("POST", "/api/retrieve", null, "{\"query\":\"a\"}", 415),
                typed("POST", "/api/retrieve", "application/x-www-form-urlencoded", "query=a", 415),
                typed("POST", "/api/retrieve", "application/json; charset=iso-8859-1", "{\"query\":\"a\"}", 415),
                typed("POST", "/api/retrieve", "multipart/form-data; boundary=x", "--x--", 415),
                method("GET", "/api/retrieve", 405),
                typed("PUT", "/api/retrieve", JSON, "{\"query\":\"a\"}", 405),
                method("DELETE", "/api/retrieve", 405),
                // /api/answer
                post("/api/answer", "{}", 400),
                post("/api/answer", "{\"question\":\"\"}", 400),
                post("/api/answer", "{\"question\":\"" + longText + "\"}", 400),
                post("/api/answer", "{\"question\":\"响铃\\u0007\"}", 400),
                post("/api/answer", "{\"question\":\"a\\rb\"}", 400),
                post("/api/answer", "{\"question\":\"\\u0085\"}", 400),
                post("/api/answer", "{\"question\":123}", 400),
                post("/api/answer", "{\"question\":\"a\",\"conversationId\":7}", 400),
                post("/api/answer", "{\"question\":\"a\",\"conversationId\":\"cAAAAAAAAAAAAAAAAAAAAA\"}", 404),
                post("/api/answer", "{\"question\":\"a\",\"conversationId\":\"../../etc/passwd\"}", 404),
                post("/api/answer", "{\"question\":\"a\",\"reports\":[\"zzz\"]}", 400),
                post("/api/answer", "{\"question\":\"a\",\"reports\":{\"r1\":true}}", 400),
                post("/api/answer", "{\"question\":\"a\",\"stream\":true}", 400),
                post("/api/answer", megabyte, 413),
                typed("POST", "/api/answer", "text/plain", "{\"question\":\"a\"}", 415),
                method("GET", "/api/answer", 405),
                // /api/chat
                typed("POST", "/api/chat", JSON, "{\"question\":\"a\"}", 406),
                chat("{\"question\":", 400),
                chat("{\"question\":\"  \"}", 400),
                chat("{\"question\":\"a\",\"conversationId\":\"cAAAAAAAAAAAAAAAAAAAAA\"}", 404),
                chat(megabyte, 413),
                method("GET", "/api/chat", 405),
                // conversations
                get("/api/conversations?limit=0", 400),
                get("/api/conversations?limit=abc", 400),
                get("/api/conversations?limit=100000", 400),
                get("/api/conversations?offset=-1", 400),
                get("/api/conversations?limit=1e3", 400),
                get("/api/conversations/cAAAAAAAAAAAAAAAAAAAAA", 404),
                get("/api/conversations/%2e%2e%2f%2e%2e%2fetc%2fpasswd", 404),
                get("/api/conversations/" + "x".repeat(500), 404),
                get("/api/conversations/{conv}/messages", 404),
                typed("PATCH", "/api/conversations/cAAAAAAAAAAAAAAAAAAAAA", JSON, "{\"title\":\"t\"}", 404),
                typed("PATCH", "/api/conversations/{conv}", JSON, "{}", 400),
                typed("PATCH", "/api/conversations/{conv}", JSON, "{\"title\":\"  \"}", 400),
                typed("PATCH", "/api/conversations/{conv}", JSON, "{\"title\":\"two\\nlines\"}", 400),
                typed("PATCH", "/api/conversations/{conv}", JSON, "{\"title\":\"" + "t".repeat(201) + "\"}", 400),
                typed("PATCH", "/api/conversations/{conv}", JSON, "{\"title\":5}", 400),
                typed("PATCH", "/api/conversations/{conv}", JSON, "{\"title\":\"t\",\"pinned\":true}", 400),
                typed("PATCH", "/api/conversations/{conv}", "text/plain", "{\"title\":\"t\"}", 415),
                method("DELETE", "/api/conversations/cAAAAAAAAAAAAAAAAAAAAA", 404),
                method("DELETE", "/api/conversations", 405),
                typed("POST", "/api/conversations/{conv}", JSON, "{}", 405),
                typed("PUT", "/api/conversations", JSON, "{}", 405),
                // feedback
                post("/api/feedback", "{\"rating\":\"up\"}", 400),
                post("/api/feedback", "{\"messageId\":\"{question}\",\"rating\":\"meh\"}", 400),
                post("/api/feedback", "{\"messageId\":\"{question}\",\"rating\":1}", 400),
                post("/api/feedback", "{\"messageId\":\"{question}\"}", 400),
                post("/api/feedback", "{\"messageId\":\"mAAAAAAAAAAAAAAAAAAAAA\",\"rating\":\"up\"}", 404),
                post("/api/feedback", "{\"messageId\":\"{question}\",\"rating\":\"up\"}", 400),
                post("/api/feedback", "{\"messageId\":\"{question}\",\"rating\":\"up\",\"comment\":\"" + "c".repeat(2001) + "\"}", 400),
                post("/api/feedback", "{\"messageId\":\"{question}\",\"rating\":\"up\",\"comment\":{}}", 400),
                post("/api/feedback", "{\"messageId\":[\"x\"],\"rating\":\"up\"}", 400),
                method("GET", "/api/feedback", 405),
                // reports and health
                get("/api/reports/nope/text", 404),
                get("/api/reports/../../etc/passwd/text", 404),
                get("/api/reports/%2e%2e%2f%2e%2e%2fetc%2fpasswd/text", 404),
                get("/api/reports/..%2F..%2Fetc%2Fpasswd/text", 404),
                get("/api/reports/r1/text/extra", 404),
                get("/api/reports/r1", 404),
                get("/api/reports/%00/text", 400),
                typed("POST", "/api/reports", JSON, "{}", 405),
                typed("POST", "/api/health", JSON, "{}", 405),
                method("BREW", "/api/health", 405),
                // OpenAI-compatible
                post("/v1/chat/completions", "{}", 400),
                post("/v1/chat/completions", "{\"messages\":[]}", 400),
                post("/v1/chat/completions", "{\"messages\":\"hi\"}", 400),
                post("/v1/chat/completions", "{\"messages\":[\"hi\"]}", 400),
                post("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"assistant\",\"content\":\"b\"}]}", 400),
                post("/v1/chat/completions", "{\"messages\":[{\"role\":\"wizard\",\"content\":\"a\"}]}", 400),
                post("/v1/chat/completions", "{\"messages\":[{\"content\":\"a\"}]}", 400),
                post("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"x\"}}]}]}", 400),
                post("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":42}]}", 400),
                post("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"  \"}]}", 400),
                post("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"a\\u0002\"}]}", 400),
                post("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"" + longText + "\"}]}", 400),
                post("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"a\"}],\"stream\":\"yes\"}", 400),
                post("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"a\"}],\"model\":5}", 400),
                post("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"a\"}],\"reports\":[\"zzz\"]}", 400),
                post("/v1/chat/completions", "{\"messages\":[{\"role\":\"system\",\"content\":\"only instructions\"}]}", 400),
                typed("POST", "/v1/chat/completions", "text/plain", "{}", 415),
                method("GET", "/v1/chat/completions", 405),
                typed("POST", "/v1/models", JSON, "{}", 405),
                get("/v1/completions", 404),
                // anything else
                get("/nope", 404),
                get("/api", 404),
                get("/api/", 404),
                get("/API/HEALTH", 404),
                get("/webjars/../WEB-INF/web.xml", 404),
                get("/%2e%2e/%2e%2e/etc/passwd", 400)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bad_input_gets_a_4xx_with_a_json_error(Case bad) {
        String path = bad.path().replace("{conv}", conversationId);
        HttpRequest.BodyPublisher body = bad.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(new String(bad.body(), StandardCharsets.ISO_8859_1)
                        .replace("{question}", questionMessageId).getBytes(StandardCharsets.ISO_8859_1));
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).method(bad.method(), body);
        if (bad.contentType() != null) request.header("Content-Type", bad.contentType());
        bad.headers().forEach(request::header);
        TestServer.Reply reply = server.send(request);
        assertEquals(bad.status(), reply.status(), () -> bad + " answered " + reply.body());
        assertTrue(reply.isJsonError(), () -> bad + " answered " + reply.header("Content-Type") + " " + reply.body());
    }

    static Stream<Arguments> rawRequests() {
        Map<String, Integer> requests = new LinkedHashMap<>();
        requests.put("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Bad: \u0001\r\nConnection: close\r\n\r\n", 400);
        requests.put("GET /api/reports/%zz/text HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", 400);
        requests.put("GET /api/he alth HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", 400);
        requests.put("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n", 431);
        requests.put("POST /api/retrieve HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 99999999\r\n"
                + "Connection: close\r\n\r\n{", 413);
        requests.put("POST /api/retrieve HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: abc\r\n"
                + "Connection: close\r\n\r\n{}", 400);
        return requests.entrySet().stream().map(e -> Arguments.of(e.getKey().replaceAll("[\\r\\n]+.*", "") + " …", e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rawRequests")
    void requests_refused_before_any_route_still_get_a_json_error(String shown, String raw, int status) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.server.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 " + status + " "), response);
            assertTrue(response.contains("Content-Type: application/json"), response);
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);
            assertTrue(TestServer.MAPPER.readTree(body).path("error").isTextual(), body);
        }
    }

    @Test
    void the_server_answers_normally_after_all_the_bad_input() {
        cases().limit(40).forEach(this::bad_input_gets_a_4xx_with_a_json_error);
        server.assertAlive();
        assertEquals(200, server.postJson("/api/retrieve", "{\"query\":\"数据\"}").status());
        assertEquals(200, server.postJson("/api/answer", "{\"question\":\"人才？\"}").status());
    }

    @Test
    void the_suite_covers_at_least_sixty_cases_across_every_endpoint() {
        List<Case> all = cases().toList();
        assertTrue(all.size() >= 60, "cases: " + all.size());
        for (String endpoint : List.of("/api/retrieve", "/api/answer", "/api/chat", "/api/conversations", "/api/feedback",
                "/api/reports", "/api/health", "/v1/chat/completions", "/v1/models")) {
            assertTrue(all.stream().anyMatch(c -> c.path().startsWith(endpoint)), "no case for " + endpoint);
        }
    }
}
