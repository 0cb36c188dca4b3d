package org.ibvadvisor.testkit.openai;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.ibvadvisor.testkit.ollama.ChatScript;
import org.ibvadvisor.testkit.ollama.RecordedRequest;

/**
 * A stand-in for an OpenAI-compatible server (vLLM, SGLang, llama.cpp's server) that speaks the real protocol on
 * 127.0.0.1, for tests without a GPU.
 *
 * <p>Serves {@code POST /v1/chat/completions} — streamed as Server-Sent Events in chunked encoding ({@code data:
 * {chunk}} per token with {@code delta.content}, a last chunk with {@code finish_reason}, a usage chunk with empty
 * {@code choices} when {@code stream_options.include_usage} is set, then {@code data: [DONE]}), or one
 * {@code chat.completion} object for {@code "stream":false} — and {@code GET /v1/models}. An unknown model answers
 * 404 with vLLM's body ("The model `x` does not exist."); with {@link #requireKey} a missing or wrong
 * {@code Authorization: Bearer} answers 401. What each chat does is a {@link ChatScript} (the stand-in Ollama's):
 * delays (e.g. 25 ms a token, a GPU's 40 tokens/s), reasoning chunks ({@code delta.reasoning_content}), HTTP errors
 * with OpenAI's error JSON, an error object mid-stream, a stream without {@code [DONE]}, cut and reset connections,
 * stalls, a server that never answers. {@link #parallel} bounds the answers streamed at once, as a GPU's batch does:
 * the others wait before their response starts. Every request is recorded (except {@link #forBenchmarks}).
 *
 * <p>Built on a raw {@link ServerSocket} (one platform thread per connection, HTTP/1.1 keep-alive) so that it can
 * write partial chunks and reset connections; {@link #close()} is also how a test kills the server mid-answer.
 */
public final class StandInOpenAi implements AutoCloseable {

    /** Name prefix of every thread the stand-in starts (for leak checks). */
    public static final String THREAD_PREFIX = "stand-in-openai-";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServerSocket server;
    private final Thread acceptor;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger connectionCount = new AtomicInteger();
    private final AtomicLong chatsAnswered = new AtomicLong();
    private final AtomicInteger streaming = new AtomicInteger();
    private final AtomicInteger mostStreaming = new AtomicInteger();
    private volatile Semaphore batch;
    private volatile boolean recording = true;
    private volatile List<String> models = List.of("qwen2.5-7b-instruct");
    private volatile String key;
    private volatile Function<RecordedRequest, ChatScript> chatScripts = request -> ChatScript.reply("好的。");
    private volatile boolean closed;

    private StandInOpenAi(ServerSocket server) {
        this.server = server;
        this.acceptor = new Thread(this::acceptLoop, THREAD_PREFIX + server.getLocalPort() + "-accept");
        this.acceptor.setDaemon(true);
    }

    /** Starts a stand-in on 127.0.0.1 and a free port, serving model {@code qwen2.5-7b-instruct}, no key, no bound. */
    public static StandInOpenAi start() {
        try {
            ServerSocket server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            StandInOpenAi openAi = new StandInOpenAi(server);
            openAi.acceptor.start();
            return openAi;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the stand-in OpenAI-compatible server", e);
        }
    }

    /**
     * A stand-in for benchmarks: serves only {@code model}, answers every chat with {@code answer}, streams at most
     * {@code parallel} at once, and keeps no record of requests ({@link #chatsAnswered()} counts them).
     */
    public static StandInOpenAi forBenchmarks(String model, ChatScript answer, int parallel) {
        StandInOpenAi openAi = start().models(model).onChat(answer).parallel(parallel);
        openAi.recording = false;
        return openAi;
    }

    /** {@code http://127.0.0.1:port/v1}, to give a client as the API's base URL. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/v1";
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The models it serves (listed by /v1/models; others answer 404). */
    public StandInOpenAi models(String... names) {
        this.models = List.of(names);
        return this;
    }

    /** Requires {@code Authorization: Bearer key} on every request (401 otherwise), as {@code vllm --api-key}. */
    public StandInOpenAi requireKey(String required) {
        this.key = Objects.requireNonNull(required, "required");
        return this;
    }

    /** Streams at most {@code answers} chats at once; the others wait for a turn before their response starts. */
    public StandInOpenAi parallel(int answers) {
        if (answers < 1) {
            throw new IllegalArgumentException("parallel must be at least 1, got " + answers);
        }
        this.batch = new Semaphore(answers, true);
        return this;
    }

    /** Every following chat of a served model plays this script. */
    public StandInOpenAi onChat(ChatScript script) {
        Objects.requireNonNull(script, "script");
        this.chatScripts = request -> script;
        return this;
    }

    /** Every following chat of a served model plays the script this function picks for its request. */
    public StandInOpenAi onChat(Function<RecordedRequest, ChatScript> scripts) {
        this.chatScripts = Objects.requireNonNull(scripts, "scripts");
        return this;
    }

    /** Chat completions of a served model started so far (recorded or not). */
    public long chatsAnswered() {
        return chatsAnswered.get();
    }

    /** Chats whose response is being written now. */
    public int streamingNow() {
        return streaming.get();
    }

    /** The most chats whose responses were written at once. */
    public int mostStreamingAtOnce() {
        return mostStreaming.get();
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The {@code /v1/chat/completions} requests received so far, in arrival order. */
    public List<RecordedRequest> chatRequests() {
        return requests.stream().filter(r -> r.path().endsWith("/chat/completions")).toList();
    }

    public RecordedRequest lastChatRequest() {
        List<RecordedRequest> chats = chatRequests();
        if (chats.isEmpty()) {
            throw new AssertionError("the stand-in OpenAI server received no chat completion request");
        }
        return chats.getLast();
    }

    /** Waits until the {@code index}-th (0-based) chat request has arrived, and returns it. */
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

    public int openConnections() {
        return sockets.size();
    }

    /**
     * Stops accepting (connections are refused from now on), closes every connection — answers being streamed break
     * off, as when the server is killed — and waits for the stand-in's threads to end.
     */
    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        sockets.forEach(StandInOpenAi::closeQuietly);
        join(acceptor);
        workers.forEach(StandInOpenAi::join);
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

    private boolean route(Exchange exchange) throws IOException {
        RecordedRequest request = exchange.request;
        String required = key;
        if (required != null && !("Bearer " + required).equals(request.headers().get("authorization"))) {
            return exchange.error(401, "Unauthorized", "invalid_request_error", "invalid_api_key");
        }
        String route = request.method() + " " + request.path();
        return switch (route) {
            case "POST /v1/chat/completions" -> chat(exchange);
            case "GET /v1/models" -> exchange.json(200, modelList());
            default -> exchange.error(404, "Not Found: " + request.path(), "NotFoundError", null);
        };
    }

    private ObjectNode modelList() {
        ObjectNode body = JSON.createObjectNode();
        body.put("object", "list");
        ArrayNode data = body.putArray("data");
        for (String model : models) {
            ObjectNode m = data.addObject();
            m.put("id", model);
            m.put("object", "model");
            m.put("created", 1_750_000_000L);
            m.put("owned_by", "vllm");
            m.put("root", model);
            m.put("max_model_len", 32768);
        }
        return body;
    }

    private boolean chat(Exchange exchange) throws IOException {
        RecordedRequest request = exchange.request;
        String model = request.model();
        if (model == null || model.isBlank()) {
            return exchange.error(400, "model is required", "BadRequestError", null);
        }
        if (!models.contains(model)) {
            return exchange.error(404, "The model `" + model + "` does not exist.", "NotFoundError", null);
        }
        chatsAnswered.incrementAndGet();
        ChatScript script = chatScripts.apply(request);
        if (script.stallsBeforeHeaders()) {
            exchange.awaitClientGone();
            return false;
        }
        Semaphore turns = batch;
        if (turns != null) {
            exchange.awaitTurn(turns);
        }
        int now = streaming.incrementAndGet();
        mostStreaming.accumulateAndGet(now, Math::max);
        try {
            if (!exchange.pause(script.firstByteDelay())) {
                throw new IOException("client went away during the first-byte delay");
            }
            if (script.status() != 200) {
                return exchange.error(script.status(), script.errorMessage(), errorType(script.status()), null);
            }
            if (!request.json().path("stream").asBoolean(false)) {
                return withoutStreaming(exchange, script);
            }
            return streamed(exchange, script);
        } finally {
            streaming.decrementAndGet();
            if (turns != null) {
                turns.release();
            }
        }
    }

    private boolean streamed(Exchange exchange, ChatScript script) throws IOException {
        RecordedRequest request = exchange.request;
        String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        long created = System.currentTimeMillis() / 1000;
        exchange.startChunked("text/event-stream; charset=utf-8");
        exchange.event(chunk(id, created, request.model(), delta("role", "assistant"), null));
        for (String thinking : script.thinkingChunks()) {
            exchange.pauseOrFail(script.tokenDelay());
            exchange.event(chunk(id, created, request.model(), delta("reasoning_content", thinking), null));
        }
        for (String token : script.contentTokens()) {
            exchange.pauseOrFail(script.tokenDelay());
            exchange.event(chunk(id, created, request.model(), delta("content", token), null));
            exchange.contentChunks++;
        }
        switch (script.ending()) {
            case DONE -> {
                exchange.event(chunk(id, created, request.model(), JSON.createObjectNode(), script.doneReason()));
                if (request.json().path("stream_options").path("include_usage").asBoolean(false)) {
                    ObjectNode usage = chunk(id, created, request.model(), null, null);
                    usage.putArray("choices");
                    usage.set("usage", usage(request, script));
                    exchange.event(usage);
                }
                exchange.data("[DONE]");
                exchange.endChunked();
                return true;
            }
            case END_WITHOUT_DONE -> {
                exchange.endChunked();
                return true;
            }
            case ERROR_LINE -> {
                ObjectNode error = JSON.createObjectNode();
                error.set("error", errorObject(script.errorMessage(), "InternalServerError", 500, null));
                exchange.event(error);
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

    private boolean withoutStreaming(Exchange exchange, ChatScript script) throws IOException {
        RecordedRequest request = exchange.request;
        switch (script.ending()) {
            case ERROR_LINE, END_WITHOUT_DONE -> {
                return exchange.error(500, script.errorMessage() == null ? "unexpected EOF" : script.errorMessage(),
                        "InternalServerError", null);
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
                for (int i = 0; i < script.contentTokens().size(); i++) {
                    exchange.pauseOrFail(script.tokenDelay());
                }
                ObjectNode body = JSON.createObjectNode();
                body.put("id", "chatcmpl-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24));
                body.put("object", "chat.completion");
                body.put("created", System.currentTimeMillis() / 1000);
                body.put("model", request.model());
                ObjectNode choice = body.putArray("choices").addObject();
                choice.put("index", 0);
                ObjectNode message = choice.putObject("message");
                message.put("role", "assistant");
                message.put("content", script.text());
                if (!script.thinkingChunks().isEmpty()) {
                    message.put("reasoning_content", String.join("", script.thinkingChunks()));
                }
                choice.put("finish_reason", script.doneReason());
                body.set("usage", usage(request, script));
                return exchange.json(200, body);
            }
        }
    }

    private static ObjectNode chunk(String id, long created, String model, ObjectNode delta, String finishReason) {
        ObjectNode chunk = JSON.createObjectNode();
        chunk.put("id", id);
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", created);
        chunk.put("model", model);
        if (delta != null) {
            ObjectNode choice = chunk.putArray("choices").addObject();
            choice.put("index", 0);
            choice.set("delta", delta);
            choice.putNull("logprobs");
            if (finishReason == null) {
                choice.putNull("finish_reason");
            } else {
                choice.put("finish_reason", finishReason);
            }
        }
        return chunk;
    }

    private static ObjectNode delta(String field, String value) {
        return JSON.createObjectNode().put(field, value);
    }

    private static ObjectNode usage(RecordedRequest request, ChatScript script) {
        int prompt = script.promptEvalCount().orElseGet(() -> promptTokens(request));
        int completion = script.contentTokens().size() + script.thinkingChunks().size();
        return JSON.createObjectNode().put("prompt_tokens", prompt).put("total_tokens", prompt + completion)
                .put("completion_tokens", completion);
    }

    /** About 1.5 characters per token plus a little per message. */
    private static int promptTokens(RecordedRequest request) {
        int tokens = 0;
        for (RecordedRequest.Message message : request.messages()) {
            tokens += 4 + (int) Math.ceil(message.content().codePointCount(0, message.content().length()) / 1.5);
        }
        return tokens;
    }

    private static ObjectNode errorObject(String message, String type, int code, String errorCode) {
        ObjectNode error = JSON.createObjectNode();
        error.put("message", message);
        error.put("type", type);
        error.putNull("param");
        if (errorCode == null) {
            error.put("code", code);
        } else {
            error.put("code", errorCode);
        }
        return error;
    }

    private static String errorType(int status) {
        return switch (status) {
            case 400 -> "BadRequestError";
            case 401 -> "invalid_request_error";
            case 404 -> "NotFoundError";
            case 429 -> "RateLimitError";
            case 503 -> "ServiceUnavailableError";
            default -> "InternalServerError";
        };
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
            byte[] bytes = JSON.writeValueAsBytes(body);
            head(status, "application/json", "Content-Length: " + bytes.length);
            out.write(bytes);
            out.flush();
            return true;
        }

        /** OpenAI's error body: {@code {"error":{"message","type","param","code"}}}. */
        boolean error(int status, String message, String type, String errorCode) throws IOException {
            ObjectNode body = JSON.createObjectNode();
            body.set("error", errorObject(message, type, status, errorCode));
            return json(status, body);
        }

        void startChunked(String contentType) throws IOException {
            head(200, contentType, "Transfer-Encoding: chunked\r\nCache-Control: no-cache");
            out.flush();
        }

        private void head(int status, String contentType, String framing) throws IOException {
            String head = "HTTP/1.1 " + status + " " + reason(status) + "\r\n"
                    + "content-type: " + contentType + "\r\n"
                    + "server: uvicorn\r\n"
                    + framing + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        }

        /** One SSE event {@code data: {json}} and its blank line, as one HTTP chunk. */
        void event(JsonNode json) throws IOException {
            data(JSON.writeValueAsString(json));
        }

        void data(String data) throws IOException {
            byte[] bytes = ("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
            out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        void endChunked() throws IOException {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        void cut() throws IOException {
            out.flush();
            socket.shutdownOutput();
            socket.close();
        }

        void reset() throws IOException {
            out.flush();
            socket.setSoLinger(true, 0);
            socket.close();
        }

        /** Waits for a turn in the batch while watching the socket; fails when the client goes away meanwhile. */
        void awaitTurn(Semaphore turns) throws IOException {
            try {
                while (!turns.tryAcquire(20, TimeUnit.MILLISECONDS)) {
                    if (closed || !pause(Duration.ofMillis(1))) {
                        throw new IOException("client went away while waiting for a turn");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for a turn");
            }
        }

        void pauseOrFail(Duration duration) throws IOException {
            if (!pause(duration)) {
                throw new IOException("client went away");
            }
        }

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

        void awaitClientGone() throws IOException {
            out.flush();
            while (in.read() != -1) {
                // discard anything the client sends
            }
            throw new IOException("client went away");
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Status " + status;
        };
    }

    @Override
    public String toString() {
        return "StandInOpenAi[" + baseUrl() + ", models=" + models + "]";
    }
}
