package org.ibvadvisor.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the advisor's HTTP API, following the contract of issues 3–5 (see web/README.md): it serves
 * the chat page from the classpath exactly as the real server will, and answers /api/* from scripts
 * ({@link FakeAnswers}) chosen by words in the question. It records what the page sent.
 */
final class FakeAdvisorApi implements AutoCloseable {

    /** The policy the real server sends; the fake sends it too so the page is tested under it. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeAnswers answers;
    private final boolean contentSecurityPolicy;
    private final Map<String, Conversation> conversations = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final List<JsonNode> chatRequests = new CopyOnWriteArrayList<>();
    private final List<JsonNode> feedback = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch held = new CountDownLatch(0);
    private final Javalin app;

    private record Conversation(String id, String[] title, long createdAt, long[] updatedAt, List<Map<String, Object>> messages) {}

    /** Starts on a free port; contentSecurityPolicy off lets a test check sanitising without CSP's help. */
    FakeAdvisorApi(FakeAnswers answers, boolean contentSecurityPolicy) {
        this.answers = answers;
        this.contentSecurityPolicy = contentSecurityPolicy;
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/web";
                files.location = Location.CLASSPATH;
                if (contentSecurityPolicy) files.headers = Map.of("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            });
            config.staticFiles.enableWebjars();
            config.routes.before(this::securityHeaders);
            config.routes.get("/api/health", ctx -> json(ctx, Map.of("status", "ok", "reports", answers.reports().size())));
            config.routes.get("/api/reports", ctx -> json(ctx, Map.of("reports", answers.reports())));
            config.routes.get("/api/reports/{id}/text", this::reportText);
            config.routes.get("/api/conversations", this::listConversations);
            config.routes.get("/api/conversations/{id}", this::getConversation);
            config.routes.patch("/api/conversations/{id}", this::renameConversation);
            config.routes.delete("/api/conversations/{id}", this::deleteConversation);
            config.routes.post("/api/feedback", this::recordFeedback);
            config.routes.post("/api/chat", this::chat);
        }).start(0);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + app.port() + "/";
    }

    List<JsonNode> chatRequests() {
        return List.copyOf(chatRequests);
    }

    List<JsonNode> feedback() {
        return List.copyOf(feedback);
    }

    /** The ids of the stored assistant messages of a conversation, in order. */
    List<String> assistantMessageIds(String conversationId) {
        return conversations.get(conversationId).messages().stream()
                .filter(m -> "assistant".equals(m.get("role"))).map(m -> (String) m.get("id")).toList();
    }

    /** Makes the next held script ("split") wait before its done event until {@link #release()}. */
    void hold() {
        held = new CountDownLatch(1);
    }

    void release() {
        held.countDown();
    }

    void forgetConversations() {
        conversations.clear();
        chatRequests.clear();
        feedback.clear();
    }

    @Override
    public void close() {
        release();
        app.stop();
    }

    // ------------------------------------------------------------------------------------------ routes

    private void securityHeaders(Context ctx) {
        if (contentSecurityPolicy) ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
    }

    private static void json(Context ctx, Object body) throws IOException {
        ctx.contentType("application/json; charset=utf-8").result(JSON.writeValueAsString(body));
    }

    private static void error(Context ctx, int status, String message) throws IOException {
        ctx.status(status);
        json(ctx, Map.of("error", message));
    }

    private void reportText(Context ctx) throws IOException {
        var report = answers.reportText(ctx.pathParam("id"));
        if (report == null) error(ctx, 404, "unknown report: " + ctx.pathParam("id"));
        else json(ctx, report);
    }

    private static Map<String, Object> summary(Conversation c) {
        var out = new LinkedHashMap<String, Object>();
        out.put("id", c.id());
        out.put("title", c.title()[0]);
        out.put("createdAt", c.createdAt());
        out.put("updatedAt", c.updatedAt()[0]);
        out.put("messageCount", c.messages().size());
        return out;
    }

    private void listConversations(Context ctx) throws IOException {
        var list = conversations.values().stream()
                .sorted((a, b) -> Long.compare(b.updatedAt()[0], a.updatedAt()[0]))
                .map(FakeAdvisorApi::summary).toList();
        json(ctx, Map.of("conversations", list));
    }

    private void getConversation(Context ctx) throws IOException {
        var c = conversations.get(ctx.pathParam("id"));
        if (c == null) { error(ctx, 404, "unknown conversation: " + ctx.pathParam("id")); return; }
        var out = new LinkedHashMap<String, Object>();
        out.put("id", c.id());
        out.put("title", c.title()[0]);
        out.put("messages", c.messages());
        json(ctx, out);
    }

    private void renameConversation(Context ctx) throws IOException {
        var c = conversations.get(ctx.pathParam("id"));
        if (c == null) { error(ctx, 404, "unknown conversation: " + ctx.pathParam("id")); return; }
        var title = JSON.readTree(ctx.body()).path("title").asText("").strip();
        if (title.isEmpty()) { error(ctx, 400, "title must not be blank"); return; }
        c.title()[0] = title;
        json(ctx, summary(c));
    }

    private void deleteConversation(Context ctx) throws IOException {
        if (conversations.remove(ctx.pathParam("id")) == null) error(ctx, 404, "unknown conversation: " + ctx.pathParam("id"));
        else ctx.status(204);
    }

    private void recordFeedback(Context ctx) throws IOException {
        var body = JSON.readTree(ctx.body());
        var rating = body.path("rating").asText();
        if (!body.path("messageId").isTextual() || !(rating.equals("up") || rating.equals("down"))) {
            error(ctx, 400, "feedback needs messageId and rating up|down");
            return;
        }
        feedback.add(body);
        ctx.status(201);
        json(ctx, Map.of("ok", true));
    }

    private void chat(Context ctx) throws Exception {
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (IOException e) {
            error(ctx, 400, "invalid JSON");
            return;
        }
        var question = body.path("question").asText("").strip();
        if (question.isEmpty()) { error(ctx, 400, "question must not be blank"); return; }
        chatRequests.add(body);
        var script = answers.scriptFor(question);
        if (script.busy()) {
            ctx.header("Retry-After", "7");
            error(ctx, 503, "too many answers in progress");
            return;
        }
        var requested = body.path("conversationId").asText(null);
        if (requested != null && !conversations.containsKey(requested)) { error(ctx, 404, "unknown conversation: " + requested); return; }
        var conversation = requested != null ? conversations.get(requested) : newConversation(question);
        new SseHandler(client -> stream(client, conversation, question, script)).handle(ctx);
    }

    private Conversation newConversation(String question) {
        var id = "c" + ids.incrementAndGet();
        var title = question.length() > 24 ? question.substring(0, 24) + "…" : question;
        var now = System.currentTimeMillis();
        var c = new Conversation(id, new String[] {title}, now, new long[] {now}, new CopyOnWriteArrayList<>());
        conversations.put(id, c);
        return c;
    }

    private void stream(SseClient client, Conversation conversation, String question, FakeAnswers.Script script) {
        try {
            conversation.messages().add(message("user", question, null));
            var passages = new LinkedHashMap<String, Object>();
            passages.put("conversationId", conversation.id());
            passages.put("passages", script.passages());
            var events = new ArrayList<String[]>();
            events.add(new String[] {"passages", JSON.writeValueAsString(passages)});
            for (var token : script.tokens()) events.add(new String[] {"token", JSON.writeValueAsString(Map.of("text", token))});
            if (script.raw()) {
                writeSplit(client.ctx().res().getOutputStream(), events);
            } else {
                for (var event : events) {
                    client.sendEvent(event[0], event[1]);
                    Thread.sleep(script.tokenDelayMillis());
                }
            }
            if (script.hold() && !held.await(20, TimeUnit.SECONDS)) return;
            if (script.error() != null) {
                client.sendEvent("error", JSON.writeValueAsString(Map.of("error", script.error())));
                return;
            }
            var done = script.done(conversation.id());
            conversation.messages().add(message("assistant", script.answer(), done));
            conversation.updatedAt()[0] = System.currentTimeMillis();
            client.sendEvent("done", JSON.writeValueAsString(done));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new IllegalStateException("could not stream the scripted answer", e);
        }
    }

    /** Writes the events' bytes in 5-byte pieces, flushing each: lines and UTF-8 characters split anywhere. */
    private static void writeSplit(OutputStream out, List<String[]> events) throws IOException, InterruptedException {
        var text = new StringBuilder();
        for (var event : events) {
            text.append("event: ").append(event[0]).append("\r\n");
            text.append("data: ").append(event[1]).append("\r\n\r\n");
        }
        var bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at < bytes.length; at += 5) {
            out.write(bytes, at, Math.min(5, bytes.length - at));
            out.flush();
            if (at % 200 == 0) Thread.sleep(2);
        }
    }

    private Map<String, Object> message(String role, String content, Object meta) {
        var out = new LinkedHashMap<String, Object>();
        out.put("id", "m" + ids.incrementAndGet());
        out.put("role", role);
        out.put("content", content);
        out.put("meta", meta);
        return out;
    }
}
