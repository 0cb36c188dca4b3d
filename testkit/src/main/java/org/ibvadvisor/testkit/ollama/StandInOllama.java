package org.ibvadvisor.testkit.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A stand-in for Ollama that speaks its real HTTP API (docs/api.md) on 127.0.0.1, for tests without a GPU.
 *
 * <p>Serves {@code POST /api/chat} (streamed NDJSON in chunked encoding with a realistic final chunk, or one JSON
 * object for {@code "stream":false}), {@code GET /api/tags}, {@code GET /api/version} and {@code POST /api/show};
 * an unknown model answers 404 {@code {"error":"model 'x' not found"}} like Ollama. What each chat does is a
 * {@link ChatScript} set with {@link #onChat}: delays, thinking chunks, split UTF-8 characters, HTTP errors,
 * error lines, streams without {@code done}, cut connections and stalls. Every request is recorded
 * ({@link #requests()}) with its parsed JSON and how its exchange ended, so a test can assert what a client sent
 * ({@code num_ctx}, {@code keep_alive}, {@code think}, …) and that it went away when it should have.
 *
 * <p>Built on a raw {@link ServerSocket} (one platform thread per connection, HTTP/1.1 keep-alive) so that it can
 * write partial chunks and reset connections. Thread-safe; close it to stop every thread it started.
 *
 * <pre>{@code
 * try (StandInOllama ollama = StandInOllama.start().models("qwen2.5:7b")) {
 *     ollama.onChat(ChatScript.reply("你好").tokenDelay(Duration.ofMillis(10)));
 *     // point the client at ollama.baseUrl()
 *     assertEquals(8192, ollama.lastChatRequest().numCtx());
 * }
 * }</pre>
 */
public final class StandInOllama implements AutoCloseable {

    /** Name prefix of every thread the stand-in starts (for leak checks). */
    public static final String THREAD_PREFIX = "stand-in-ollama-";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEFAULT_NUM_CTX = 2048;
    private static final Duration SPLIT_WRITE_PAUSE = Duration.ofMillis(15);

    private final ServerSocket server;
    private final Thread acceptor;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger connectionCount = new AtomicInteger();
    private final AtomicLong chatsAnswered = new AtomicLong();
    private volatile boolean recording = true;
    private volatile List<String> models = List.of("qwen2.5:7b");
    private volatile String version = "0.11.4";
    private volatile Function<RecordedRequest, ChatScript> chatScripts = request -> ChatScript.reply("好的。");
    private volatile boolean closed;

    private StandInOllama(ServerSocket server) {
        this.server = server;
        this.acceptor = new Thread(this::acceptLoop, THREAD_PREFIX + server.getLocalPort() + "-accept");
        this.acceptor.setDaemon(true);
    }

    /** Starts a stand-in on 127.0.0.1 and a free port, serving model {@code qwen2.5:7b}. */
    public static StandInOllama start() {
        try {
            ServerSocket server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            StandInOllama ollama = new StandInOllama(server);
            ollama.acceptor.start();
            return ollama;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the stand-in Ollama", e);
        }
    }

    /**
     * Starts a stand-in for benchmarks that serves only {@code model}, answers every chat with {@code answer} (e.g.
     * {@link ChatScript#citingAnswer}) and keeps no record of requests, so that a run of hours stays in bounded
     * memory; {@link #chatsAnswered()} counts them instead.
     */
    public static StandInOllama forBenchmarks(String model, ChatScript answer) {
        StandInOllama ollama = start().models(model).onChat(answer);
        ollama.recording = false;
        return ollama;
    }

    /** {@code http://127.0.0.1:port}, to give a client as Ollama's base URL. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The models this Ollama has pulled (listed by /api/tags; others answer 404). */
    public StandInOllama models(String... names) {
        this.models = List.of(names);
        return this;
    }

    /** The version /api/version reports. */
    public StandInOllama version(String version) {
        this.version = Objects.requireNonNull(version, "version");
        return this;
    }

    /** Every following chat of a pulled model plays this script. */
    public StandInOllama onChat(ChatScript script) {
        Objects.requireNonNull(script, "script");
        this.chatScripts = request -> script;
        return this;
    }

    /** Every following chat of a pulled model plays the script this function picks for its request. */
    public StandInOllama onChat(Function<RecordedRequest, ChatScript> scripts) {
        this.chatScripts = Objects.requireNonNull(scripts, "scripts");
        return this;
    }

    /** {@code /api/chat} requests of a pulled model answered so far (recorded or not). */
    public long chatsAnswered() {
        return chatsAnswered.get();
    }

    /** Every request received so far, in arrival order (none for a stand-in {@link #forBenchmarks}). */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The {@code /api/chat} requests received so far, in arrival order. */
    public List<RecordedRequest> chatRequests() {
        return requests.stream().filter(r -> r.path().equals("/api/chat")).toList();
    }

    /** The latest {@code /api/chat} request. */
    public RecordedRequest lastChatRequest() {
        List<RecordedRequest> chats = chatRequests();
        if (chats.isEmpty()) {
            throw new AssertionError("the stand-in Ollama received no /api/chat request");
        }
        return chats.getLast();
    }

    /** Waits until the {@code index}-th (0-based) {@code /api/chat} request has arrived, and returns it. */
    public RecordedRequest awaitChatRequest(int index, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<RecordedRequest> chats = chatRequests();
            if (chats.size() > index) {
                return chats.get(index);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("chat request #" + index + " did not arrive within " + timeout
                        + " (received " + chats.size() + ")");
            }
            sleepQuietly(Duration.ofMillis(5));
        }
    }

    /** Connections currently open (client connected, not yet closed by either side). */
    public int openConnections() {
        return sockets.size();
    }

    /** Connections accepted since start. */
    public int connectionsAccepted() {
        return connectionCount.get();
    }

    /** Stops accepting, closes every connection and waits for the stand-in's threads to end. */
    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        sockets.forEach(StandInOllama::closeQuietly);
        join(acceptor);
        workers.forEach(StandInOllama::join);
    }

    // ---- connection handling ----

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                sockets.add(socket);
                Thread worker = new Thread(() -> serve(socket),
                        THREAD_PREFIX + port() + "-conn-" + connectionCount.incrementAndGet());
                worker.setDaemon(true);
                workers.add(worker);
                worker.start();
            } catch (IOException e) {
                if (!closed) {
                    sleepQuietly(Duration.ofMillis(5));
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            boolean keepAlive = true;
            while (keepAlive && !closed) {
                RecordedRequest request = readRequest(in);
                if (request == null) {
                    return;
                }
                if (recording) {
                    requests.add(request);
                }
                Exchange exchange = new Exchange(socket, in, out, request);
                try {
                    keepAlive = route(exchange) && !"close".equalsIgnoreCase(request.headers().get("connection"));
                    exchange.end(RecordedRequest.EndKind.COMPLETED);
                } catch (IOException e) {
                    exchange.end(closed ? RecordedRequest.EndKind.SERVER_CLOSED : RecordedRequest.EndKind.CLIENT_GONE);
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away between requests, or the stand-in closed
        } finally {
            sockets.remove(socket);
            workers.remove(Thread.currentThread());
        }
    }

    /** Answers one request; returns whether the connection may serve another. */
    private boolean route(Exchange exchange) throws IOException {
        RecordedRequest request = exchange.request;
        String key = request.method() + " " + request.path();
        return switch (key) {
            case "POST /api/chat" -> chat(exchange);
            case "GET /api/tags" -> exchange.json(200, tags());
            case "GET /api/version" -> exchange.json(200, JSON.createObjectNode().put("version", version));
            case "POST /api/show" -> show(exchange);
            default -> {
                if (Set.of("/api/chat", "/api/tags", "/api/version", "/api/show").contains(request.path())) {
                    yield exchange.text(405, "405 method not allowed");
                }
                yield exchange.text(404, "404 page not found");
            }
        };
    }

    private boolean show(Exchange exchange) throws IOException {
        String model = exchange.request.json().path("model").asText("");
        if (!isPulled(model)) {
            return exchange.error(404, "model '" + model + "' not found");
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("modelfile", "# Modelfile generated by \"ollama show\"\nFROM " + model + "\n");
        body.put("parameters", "stop                           \"<|im_start|>\"\nstop                           \"<|im_end|>\"");
        body.put("template", "{{ if .System }}<|im_start|>system\n{{ .System }}<|im_end|>\n{{ end }}");
        body.set("details", details());
        ObjectNode info = body.putObject("model_info");
        info.put("general.architecture", "qwen2");
        info.put("qwen2.context_length", 32768);
        body.putArray("capabilities").add("completion");
        return exchange.json(200, body);
    }

    private ObjectNode tags() {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("models");
        for (String model : models) {
            ObjectNode m = list.addObject();
            m.put("name", model);
            m.put("model", model);
            m.put("modified_at", "2025-06-01T10:00:00.000000000Z");
            m.put("size", 4_683_087_332L);
            m.put("digest", "845dbda0ea48ed749caafd9e6037047aa19acfcfd82e704d7ca97d631a0b697e");
            m.set("details", details());
        }
        return body;
    }

    private static ObjectNode details() {
        ObjectNode details = JSON.createObjectNode();
        details.put("parent_model", "");
        details.put("format", "gguf");
        details.put("family", "qwen2");
        details.putArray("families").add("qwen2");
        details.put("parameter_size", "7.6B");
        details.put("quantization_level", "Q4_K_M");
        return details;
    }

    private boolean isPulled(String model) {
        String wanted = normalize(model);
        return models.stream().anyMatch(m -> normalize(m).equals(wanted));
    }

    private static String normalize(String model) {
        return model.contains(":") ? model : model + ":latest";
    }

    private boolean chat(Exchange exchange) throws IOException {
        RecordedRequest request = exchange.request;
        String model = request.model();
        if (model == null || model.isBlank()) {
            return exchange.error(400, "model is required");
        }
        if (!isPulled(model)) {
            return exchange.error(404, "model '" + model + "' not found");
        }
        chatsAnswered.incrementAndGet();
        ChatScript script = chatScripts.apply(request);
        if (script.stallsBeforeHeaders()) {
            exchange.awaitClientGone();
            return false;
        }
        if (!exchange.pause(script.firstByteDelay())) {
            throw new IOException("client went away during the first-byte delay");
        }
        if (script.status() != 200) {
            return exchange.error(script.status(), script.errorMessage());
        }
        long started = System.nanoTime();
        if (!request.stream()) {
            return chatWithoutStreaming(exchange, script, started);
        }
        exchange.startChunked("application/x-ndjson");
        for (String thinking : script.thinkingChunks()) {
            exchange.pauseOrFail(script.tokenDelay());
            exchange.line(chunk(model, "", thinking), script.splitsMultibyte());
        }
        for (String token : script.contentTokens()) {
            exchange.pauseOrFail(script.tokenDelay());
            exchange.line(chunk(model, token, null), script.splitsMultibyte());
            exchange.contentChunks++;
        }
        switch (script.ending()) {
            case DONE -> {
                exchange.line(finalChunk(model, request, script, started), false);
                exchange.endChunked();
                return true;
            }
            case END_WITHOUT_DONE -> {
                exchange.endChunked();
                return true;
            }
            case ERROR_LINE -> {
                exchange.line(JSON.createObjectNode().put("error", script.errorMessage()), false);
                exchange.endChunked();
                return true;
            }
            case CUT -> {
                exchange.cut();
                return false;
            }
            case RESET -> {
                exchange.reset();
                return false;
            }
            case STALL -> {
                exchange.awaitClientGone();
                return false;
            }
            default -> throw new IllegalStateException("unknown ending " + script.ending());
        }
    }

    private boolean chatWithoutStreaming(Exchange exchange, ChatScript script, long started) throws IOException {
        String model = exchange.request.model();
        switch (script.ending()) {
            case ERROR_LINE, END_WITHOUT_DONE -> {
                return exchange.error(500, script.errorMessage() == null ? "unexpected EOF" : script.errorMessage());
            }
            case CUT -> {
                exchange.cut();
                return false;
            }
            case RESET -> {
                exchange.reset();
                return false;
            }
            case STALL -> {
                exchange.awaitClientGone();
                return false;
            }
            default -> {
                ObjectNode body = finalChunk(model, exchange.request, script, started);
                ObjectNode message = body.putObject("message"); // replaces the empty one, keeping its place
                message.put("role", "assistant");
                message.put("content", script.text());
                if (!script.thinkingChunks().isEmpty()) {
                    message.put("thinking", String.join("", script.thinkingChunks()));
                }
                return exchange.json(200, body);
            }
        }
    }

    private static ObjectNode chunk(String model, String content, String thinking) {
        ObjectNode line = JSON.createObjectNode();
        line.put("model", model);
        line.put("created_at", Instant.now().toString());
        ObjectNode message = line.putObject("message");
        message.put("role", "assistant");
        message.put("content", content);
        if (thinking != null) {
            message.put("thinking", thinking);
        }
        line.put("done", false);
        return line;
    }

    private static ObjectNode finalChunk(String model, RecordedRequest request, ChatScript script, long started) {
        long total = Math.max(1, System.nanoTime() - started);
        ObjectNode line = JSON.createObjectNode();
        line.put("model", model);
        line.put("created_at", Instant.now().toString());
        ObjectNode message = line.putObject("message");
        message.put("role", "assistant");
        message.put("content", "");
        line.put("done_reason", script.doneReason());
        line.put("done", true);
        line.put("total_duration", total);
        line.put("load_duration", total / 10);
        line.put("prompt_eval_count", script.promptEvalCount().orElseGet(() -> promptTokens(request)));
        line.put("prompt_eval_duration", total / 5);
        line.put("eval_count", script.contentTokens().size() + script.thinkingChunks().size());
        line.put("eval_duration", total / 2);
        return line;
    }

    /** About 1.5 characters per token plus a little per message, capped at num_ctx as Ollama truncates. */
    private static int promptTokens(RecordedRequest request) {
        int tokens = 0;
        for (RecordedRequest.Message message : request.messages()) {
            tokens += 4 + (int) Math.ceil(message.content().codePointCount(0, message.content().length()) / 1.5);
        }
        Integer numCtx = request.numCtx();
        return Math.min(tokens, numCtx == null ? DEFAULT_NUM_CTX : numCtx);
    }

    // ---- HTTP/1.1 parsing ----

    private RecordedRequest readRequest(InputStream in) throws IOException {
        String requestLine = readLine(in);
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = readLine(in);
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3) {
            throw new IOException("malformed request line: " + requestLine);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = readChunkedBody(in);
        } else {
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            body = in.readNBytes(length);
            if (body.length != length) {
                throw new IOException("body ended after " + body.length + " of " + length + " bytes");
            }
        }
        String text = new String(body, StandardCharsets.UTF_8);
        JsonNode json;
        try {
            json = text.isBlank() ? MissingNode.getInstance() : JSON.readTree(text);
        } catch (IOException e) {
            json = MissingNode.getInstance();
        }
        String path = parts[1].contains("?") ? parts[1].substring(0, parts[1].indexOf('?')) : parts[1];
        return new RecordedRequest(parts[0], path, Map.copyOf(headers), text, json, new CompletableFuture<>());
    }

    private static byte[] readChunkedBody(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            if (sizeLine == null) {
                throw new IOException("chunked body ended early");
            }
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                for (String trailer = readLine(in); trailer != null && !trailer.isEmpty(); trailer = readLine(in)) {
                    // skip trailers
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine(in);
        }
    }

    /** Reads one CRLF-terminated line as ISO-8859-1; null at end of stream. */
    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            if (line.length() > 65_536) {
                throw new IOException("header line too long");
            }
            line.append((char) b);
        }
        return line.isEmpty() ? null : line.toString();
    }

    // ---- helpers ----

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One request/response on a connection: writes the response and notices when the client goes away. */
    private final class Exchange {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final RecordedRequest request;
        private int contentChunks;

        Exchange(Socket socket, InputStream in, OutputStream out, RecordedRequest request) {
            this.socket = socket;
            this.in = in;
            this.out = out;
            this.request = request;
        }

        void end(RecordedRequest.EndKind kind) {
            request.ending().complete(new RecordedRequest.Ending(kind, contentChunks));
        }

        boolean json(int status, JsonNode body) throws IOException {
            return fixed(status, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
        }

        boolean error(int status, String message) throws IOException {
            return json(status, JSON.createObjectNode().put("error", message));
        }

        boolean text(int status, String body) throws IOException {
            return fixed(status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
        }

        private boolean fixed(int status, String contentType, byte[] body) throws IOException {
            head(status, contentType, "Content-Length: " + body.length);
            out.write(body);
            out.flush();
            return true;
        }

        void startChunked(String contentType) throws IOException {
            head(200, contentType, "Transfer-Encoding: chunked");
            out.flush();
        }

        private void head(int status, String contentType, String framing) throws IOException {
            String head = "HTTP/1.1 " + status + " " + reason(status) + "\r\n"
                    + "Content-Type: " + contentType + "\r\n"
                    + "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)) + "\r\n"
                    + framing + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        }

        /** Writes one NDJSON line as one HTTP chunk, or as two with a multi-byte character split between them. */
        void line(JsonNode json, boolean splitMultibyte) throws IOException {
            byte[] bytes = (JSON.writeValueAsString(json) + "\n").getBytes(StandardCharsets.UTF_8);
            int split = splitMultibyte ? insideFirstMultibyteCharacter(bytes) : -1;
            if (split < 0) {
                chunk(bytes, 0, bytes.length);
                return;
            }
            chunk(bytes, 0, split);
            sleepQuietly(SPLIT_WRITE_PAUSE);
            chunk(bytes, split, bytes.length - split);
        }

        private void chunk(byte[] bytes, int offset, int length) throws IOException {
            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes, offset, length);
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        void endChunked() throws IOException {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        /** Closes the connection (FIN) after what was written, so the client sees the body end mid-way. */
        void cut() throws IOException {
            out.flush();
            socket.shutdownOutput();
            socket.close();
        }

        /** Resets the connection (RST, not FIN) so the client sees it cut mid-body. */
        void reset() throws IOException {
            out.flush();
            socket.setSoLinger(true, 0);
            socket.close();
        }

        void pauseOrFail(Duration duration) throws IOException {
            if (!pause(duration)) {
                throw new IOException("client went away");
            }
        }

        /** Waits while watching the socket; false when the client closed the connection meanwhile. */
        boolean pause(Duration duration) throws IOException {
            if (duration.isZero()) {
                return true;
            }
            long deadline = System.nanoTime() + duration.toNanos();
            try {
                while (true) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return true;
                    }
                    socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(left).toMillis()));
                    try {
                        if (in.read() == -1) {
                            return false;
                        }
                    } catch (SocketTimeoutException timedOut) {
                        // waited the whole slice: the client is still there
                    }
                }
            } finally {
                if (!socket.isClosed()) {
                    socket.setSoTimeout(0);
                }
            }
        }

        /** Blocks until the client closes the connection (or the stand-in closes), then fails the exchange. */
        void awaitClientGone() throws IOException {
            out.flush();
            while (in.read() != -1) {
                // discard anything the client sends
            }
            throw new IOException("client went away");
        }
    }

    private static int insideFirstMultibyteCharacter(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if ((bytes[i] & 0xC0) == 0xC0) {
                return i + 1;
            }
        }
        return -1;
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status " + status;
        };
    }

    @Override
    public String toString() {
        return "StandInOllama[" + baseUrl() + ", models=" + new ArrayList<>(models) + "]";
    }
}
