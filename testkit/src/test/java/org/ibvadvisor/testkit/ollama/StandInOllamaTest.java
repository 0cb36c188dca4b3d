package org.ibvadvisor.testkit.ollama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The stand-in checked against raw HTTP/1.1 bytes on a socket, so that it is the protocol and not a client under test. */
class StandInOllamaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAT = """
            {"model":"qwen2.5:7b","messages":[{"role":"system","content":"只根据资料回答"},{"role":"user","content":"生成式 AI 的投资回报？"}],\
            "options":{"temperature":0.1,"num_ctx":8192},"keep_alive":1800,"think":false%s}""";

    private final StandInOllama ollama = StandInOllama.start();

    @AfterEach
    void close() {
        ollama.close();
    }

    @Test
    void version_tags_and_show_answer_like_ollama() throws IOException {
        ollama.models("qwen2.5:7b", "qwen3:8b").version("0.9.9");

        assertEquals("0.9.9", json(get("/api/version")).path("version").asText());
        JsonNode tags = json(get("/api/tags"));
        assertEquals(List.of("qwen2.5:7b", "qwen3:8b"),
                tags.path("models").findValuesAsText("name"));

        RawResponse show = post("/api/show", "{\"model\":\"qwen3:8b\"}");
        assertEquals(200, show.status);
        assertEquals("qwen2", json(show).path("details").path("family").asText());

        RawResponse missing = post("/api/show", "{\"model\":\"llama3\"}");
        assertEquals(404, missing.status);
        assertEquals("model 'llama3' not found", json(missing).path("error").asText());
    }

    @Test
    void a_streamed_chat_is_chunked_ndjson_ending_with_the_statistics() throws IOException {
        ollama.onChat(ChatScript.reply("回报率为 13%。").thinking("先想一想"));

        RawResponse response = post("/api/chat", CHAT.formatted(""));

        assertEquals(200, response.status);
        assertTrue(response.head.contains("Transfer-Encoding: chunked"), response.head);
        assertTrue(response.head.contains("application/x-ndjson"), response.head);
        List<JsonNode> lines = response.lines().stream().map(StandInOllamaTest::parse).toList();
        assertEquals("先想一想", lines.getFirst().path("message").path("thinking").asText());
        StringBuilder content = new StringBuilder();
        lines.forEach(line -> content.append(line.path("message").path("content").asText()));
        assertEquals("回报率为 13%。", content.toString());
        JsonNode last = lines.getLast();
        assertTrue(last.path("done").asBoolean());
        assertEquals("stop", last.path("done_reason").asText());
        for (String field : List.of("total_duration", "load_duration", "prompt_eval_count", "prompt_eval_duration",
                "eval_count", "eval_duration")) {
            assertTrue(last.path(field).asLong() > 0, field + " in " + last);
        }
        assertTrue(lines.subList(0, lines.size() - 1).stream().noneMatch(l -> l.path("done").asBoolean()));
    }

    @Test
    void a_split_character_arrives_in_two_chunks_that_only_decode_together() throws IOException {
        ollama.onChat(ChatScript.tokens("投", "资").splitMultibyteCharacters());

        RawResponse response = post("/api/chat", CHAT.formatted(""));

        long undecodable = response.chunks.stream().filter(chunk -> !decodes(chunk)).count();
        assertTrue(undecodable >= 2, "expected chunks ending or starting inside a character");
        assertEquals("投资", response.lines().stream().map(StandInOllamaTest::parse)
                .map(l -> l.path("message").path("content").asText()).reduce("", String::concat));
    }

    @Test
    void stream_false_answers_one_json_object() throws IOException {
        ollama.onChat(ChatScript.reply("一次给完"));

        RawResponse response = post("/api/chat", CHAT.formatted(",\"stream\":false"));

        JsonNode body = json(response);
        assertEquals("一次给完", body.path("message").path("content").asText());
        assertTrue(body.path("done").asBoolean());
        assertTrue(body.path("eval_count").asInt() > 0);
    }

    @Test
    void requests_are_recorded_with_model_messages_and_options() throws IOException {
        post("/api/chat", CHAT.formatted(""));

        RecordedRequest request = ollama.lastChatRequest();
        assertEquals("qwen2.5:7b", request.model());
        assertEquals("user", request.messages().get(1).role());
        assertEquals(8192, request.numCtx());
        assertEquals(0.1, request.temperature());
        assertEquals(1800, request.keepAlive().asInt());
        assertEquals(Boolean.FALSE, request.think());
        assertTrue(request.stream());
    }

    @Test
    void prompt_eval_count_is_capped_at_num_ctx_as_ollama_truncates() throws IOException {
        String longQuestion = "数".repeat(5000);
        post("/api/chat", """
                {"model":"qwen2.5:7b","messages":[{"role":"user","content":"%s"}]}""".formatted(longQuestion));

        RawResponse response = post("/api/chat", """
                {"model":"qwen2.5:7b","messages":[{"role":"user","content":"%s"}],"options":{"num_ctx":1024}}"""
                .formatted(longQuestion));

        assertEquals(1024, parse(response.lines().getLast()).path("prompt_eval_count").asInt());
    }

    @Test
    void an_unknown_model_and_scripted_errors_answer_with_ollamas_error_json() throws IOException {
        RawResponse unknown = post("/api/chat", CHAT.replace("qwen2.5:7b", "qwen3:8b").formatted(""));
        assertEquals(404, unknown.status);
        assertEquals("model 'qwen3:8b' not found", json(unknown).path("error").asText());

        ollama.onChat(ChatScript.status(503, "server busy, please try again.  maximum pending requests exceeded"));
        RawResponse busy = post("/api/chat", CHAT.formatted(""));
        assertEquals(503, busy.status);
        assertTrue(json(busy).path("error").asText().startsWith("server busy"));
    }

    @Test
    void a_cut_stream_ends_without_the_last_chunk() throws IOException {
        ollama.onChat(ChatScript.tokens("一", "二").thenCut());

        RawResponse response = post("/api/chat", CHAT.formatted(""));

        assertFalse(response.complete, "the chunked body must not end cleanly");
        assertEquals(2, response.lines().size());
    }

    @Test
    void a_stalled_chat_notices_the_client_leaving() throws IOException {
        ollama.onChat(ChatScript.stall());
        try (Socket socket = new Socket("127.0.0.1", ollama.port())) {
            socket.getOutputStream().write(request("POST", "/api/chat", CHAT.formatted("")));
            ollama.awaitChatRequest(0, Duration.ofSeconds(2));
        }
        assertEquals(RecordedRequest.EndKind.CLIENT_GONE,
                ollama.lastChatRequest().awaitEnding(Duration.ofSeconds(2)).kind());
    }

    // ---- a raw HTTP/1.1 client ----

    private record RawResponse(int status, String head, List<byte[]> chunks, byte[] body, boolean complete) {
        List<String> lines() {
            return new String(body, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }

    private RawResponse get(String path) throws IOException {
        return exchange(request("GET", path, null));
    }

    private RawResponse post(String path, String json) throws IOException {
        return exchange(request("POST", path, json));
    }

    private static byte[] request(String method, String path, String json) {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + (json == null ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n")
                + "\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private RawResponse exchange(byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", ollama.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            int status = Integer.parseInt(head.split(" ")[1]);
            if (head.contains("Transfer-Encoding: chunked")) {
                return readChunked(in, status, head);
            }
            int length = Integer.parseInt(head.replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
            return new RawResponse(status, head, List.of(), in.readNBytes(length), true);
        }
    }

    private static RawResponse readChunked(InputStream in, int status, String head) {
        List<byte[]> chunks = new ArrayList<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            while (true) {
                String size = readLine(in);
                if (size == null) {
                    return new RawResponse(status, head, chunks, body.toByteArray(), false);
                }
                int length = Integer.parseInt(size.trim(), 16);
                if (length == 0) {
                    return new RawResponse(status, head, chunks, body.toByteArray(), true);
                }
                byte[] chunk = in.readNBytes(length);
                chunks.add(chunk);
                body.writeBytes(chunk);
                readLine(in);
            }
        } catch (IOException reset) {
            return new RawResponse(status, head, chunks, body.toByteArray(), false);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
            head.append(line).append('\n');
        }
        return head.toString();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return b == -1 && line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static boolean decodes(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static JsonNode json(RawResponse response) throws IOException {
        return JSON.readTree(response.body);
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
