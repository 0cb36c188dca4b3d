package org.ibvadvisor.eval.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An Ollama that answers at once, for benchmarks: {@code POST /api/chat} streams a fixed answer as NDJSON
 * (one line per token, then a {@code done} line with Ollama's statistics) with no delay at all;
 * {@code /api/tags}, {@code /api/version} and {@code /api/show} answer as Ollama does, so the advisor's health probe
 * sees the model. Runs on the JDK's HTTP server on 127.0.0.1, one virtual thread per exchange.
 *
 * <p>The test sources have a far richer stand-in (delays, faults, recorded requests); this one only has to be
 * fast and to live in main code, so that {@code ./advisor bench} can start it.
 */
public final class InstantOllama implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final String model;
    private volatile Answer answer;
    private final AtomicLong chats = new AtomicLong();

    private InstantOllama(HttpServer server, ExecutorService executor, String model, List<String> tokens) {
        this.server = server;
        this.executor = executor;
        this.model = model;
        answer(tokens);
    }

    /** The answer as written: one NDJSON line per token, the final line, and the whole for {@code stream:false}. */
    private record Answer(List<byte[]> tokenLines, byte[] doneLine, byte[] whole) {}

    /** Every following chat streams these tokens. */
    public InstantOllama answer(List<String> tokens) {
        if (tokens.isEmpty()) throw new IllegalArgumentException("the answer needs at least one token");
        ObjectNode reply = done(tokens.size());
        reply.putObject("message").put("role", "assistant").put("content", String.join("", tokens));
        this.answer = new Answer(tokens.stream().map(token -> line(chunk(token))).toList(), line(done(tokens.size())),
                line(reply));
        return this;
    }

    /**
     * Starts on a free port of 127.0.0.1.
     *
     * @param model  the only model it has pulled
     * @param tokens the answer, one streamed line per element
     */
    public static InstantOllama start(String model, List<String> tokens) {
        Objects.requireNonNull(model, "model");
        // Ollama (Go's net/http) sends with TCP_NODELAY; the JDK's server does not unless told, and Nagle's algorithm
        // then held each streamed line back until the previous one was acknowledged (a 40-token answer: 59 -> 20 ms).
        // Read once, when the JDK's server first starts in this JVM.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
            InstantOllama ollama = new InstantOllama(server, executor, model, List.copyOf(tokens));
            server.setExecutor(executor);
            server.createContext("/", ollama::handle);
            server.start();
            return ollama;
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot start the instant Ollama", e);
        }
    }

    /** An answer of {@code count} tokens of Chinese text citing passages [1] and [2]. */
    public static List<String> answerTokens(int count) {
        String[] words = {"根据", "报告", "[1]", "，", "生成式", "AI", "正在", "改变", "企业", "的", "运营", "方式", "。",
                "高管", "们", "认为", "[2]", "，", "人才", "与", "技能", "是", "关键", "。"};
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> words[i % words.length]).toList();
    }

    /** {@code http://127.0.0.1:port}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String model() {
        return model;
    }

    /** Tokens per answer. */
    public int tokens() {
        return answer.tokenLines().size();
    }

    /** {@code /api/chat} requests answered so far. */
    public long chats() {
        return chats.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            switch (route) {
                case "POST /api/chat" -> chat(exchange);
                case "GET /api/tags" -> {
                    ObjectNode tags = JSON.createObjectNode();
                    tags.putArray("models").addObject().put("name", model).put("model", model).put("size", 4_683_087_332L);
                    send(exchange, 200, line(tags));
                }
                case "GET /api/version" -> send(exchange, 200, line(JSON.createObjectNode().put("version", "0.11.4")));
                case "POST /api/show" -> send(exchange, 200, line(JSON.createObjectNode().put("modelfile", "FROM " + model)));
                default -> send(exchange, 404, "404 page not found".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private void chat(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        if (!model.equals(request.path("model").asText())) {
            send(exchange, 404, line(JSON.createObjectNode().put("error", "model '" + request.path("model").asText()
                    + "' not found, try pulling it first")));
            return;
        }
        chats.incrementAndGet();
        Answer reply = answer;
        if (!request.path("stream").asBoolean(true)) {
            send(exchange, 200, reply.whole());
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (byte[] tokenLine : reply.tokenLines()) {
                out.write(tokenLine);
                out.flush();
            }
            out.write(reply.doneLine());
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private ObjectNode chunk(String token) {
        ObjectNode chunk = JSON.createObjectNode().put("model", model).put("created_at", "2025-06-01T10:00:00Z");
        chunk.putObject("message").put("role", "assistant").put("content", token);
        return chunk.put("done", false);
    }

    private ObjectNode done(int tokens) {
        ObjectNode done = JSON.createObjectNode().put("model", model).put("created_at", "2025-06-01T10:00:00Z");
        done.putObject("message").put("role", "assistant").put("content", "");
        return done.put("done", true).put("done_reason", "stop").put("total_duration", 1_000_000L)
                .put("load_duration", 1_000L).put("prompt_eval_count", 900).put("prompt_eval_duration", 100_000L)
                .put("eval_count", tokens).put("eval_duration", 500_000L);
    }

    private static byte[] line(JsonNode node) {
        try {
            return (JSON.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
