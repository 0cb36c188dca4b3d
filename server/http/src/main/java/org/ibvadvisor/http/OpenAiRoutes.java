package org.ibvadvisor.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ibvadvisor.answer.Answer;
import org.ibvadvisor.answer.AnswerListener;
import org.ibvadvisor.answer.Answerer;
import org.ibvadvisor.answer.Caller;
import org.ibvadvisor.answer.Citation;
import org.ibvadvisor.answer.Question;
import org.ibvadvisor.answer.Turn;
import org.ibvadvisor.answer.conversation.ContinuedConversations;
import org.ibvadvisor.answer.json.AnswerJson;
import org.ibvadvisor.http.auth.AccessControl;
import org.ibvadvisor.retrieval.Passage;

/**
 * The OpenAI-compatible face of the advisor, so OpenAI clients and chat front ends can use it as a model:
 * {@code POST /v1/chat/completions} (streamed or not) and {@code GET /v1/models}. The last user message is the
 * question; earlier user and assistant messages are the conversation it continues: the stored one when this advisor sent the
 * last reply, else a new one stored from them ({@link ContinuedConversations}). Citations stay in the text as
 * [n] marks followed by a list of sources, and are given in full in the extra field {@code citations}.
 */
final class OpenAiRoutes {
    static final String MODEL_ID = "ibv-advisor";
    private static final int MAX_MESSAGES = 200;
    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");

    private final Answerer answerer;
    private final ContinuedConversations continued;
    private final ApiJson json;
    private final ErrorMapping errors;
    private final int maxBodyBytes;
    private final ScheduledExecutorService scheduler;
    private final Duration heartbeat;
    private final long createdAt = System.currentTimeMillis() / 1000;

    OpenAiRoutes(Answerer answerer, ContinuedConversations continued, ApiJson json, ErrorMapping errors,
                 int maxBodyBytes, ScheduledExecutorService scheduler, Duration heartbeat) {
        this.answerer = answerer;
        this.continued = continued;
        this.json = json;
        this.errors = errors;
        this.maxBodyBytes = maxBodyBytes;
        this.scheduler = scheduler;
        this.heartbeat = heartbeat;
    }

    void models(Context ctx) {
        ObjectNode body = json.object().put("object", "list");
        body.putArray("data").addObject()
                .put("id", MODEL_ID)
                .put("object", "model")
                .put("created", createdAt)
                .put("owned_by", "ibv-advisor");
        json.reply(ctx, 200, body);
    }

    void completions(Context ctx) {
        JsonRequest body = JsonRequest.read(ctx, json, maxBodyBytes, null);
        if (body.has("model") && !body.node("model").isTextual()) throw JsonRequest.wrongType("model", "a string", body.node("model"));
        boolean stream = body.optionalBoolean("stream", false);
        Set<String> reports = body.optionalIds("reports");
        List<Turn> turns = turns(body.node("messages"));
        Caller caller = AccessControl.caller(ctx);
        Question asked = new Question(turns.getLast().text(), null, reports).askedBy(caller);
        Question question = asked.continuing(continued.continued(caller, turns.subList(0, turns.size() - 1)));
        Completion completion = new Completion("chatcmpl-" + UUID.randomUUID().toString().replace("-", ""),
                System.currentTimeMillis() / 1000, question.language().isChinese());
        if (stream) {
            stream(ctx, turns, question, completion);
        } else {
            Answer answer = answerer.answer(question, AnswerListener.NONE);
            continued.answered(question.caller(), turns, completion.reply(answer), answer.conversationId());
            json.reply(ctx, 200, completion.whole(answer));
        }
    }

    private void stream(Context ctx, List<Turn> turns, Question question, Completion completion) {
        try (SseStream stream = new SseStream(ctx.res(), scheduler, heartbeat)) {
            AtomicBoolean begun = new AtomicBoolean();
            StringBuilder reply = new StringBuilder();
            Runnable begin = () -> {
                if (begun.compareAndSet(false, true)) {
                    ObjectNode delta = json.object().put("role", "assistant").put("content", "");
                    stream.send(null, json.bytes(completion.chunk(delta, null)));
                }
            };
            try {
                Answer answer = answerer.answer(question, new AnswerListener() {
                    @Override
                    public void passages(String conversationId, List<Passage> passages) {
                        begin.run();
                    }

                    @Override
                    public void token(String text) {
                        if (text == null || text.isEmpty()) return;
                        begin.run();
                        reply.append(text);
                        stream.send(null, json.bytes(completion.chunk(json.object().put("content", text), null)));
                    }

                    @Override
                    public boolean cancelled() {
                        return stream.closed();
                    }
                });
                if (stream.closed()) return;
                begin.run();
                String sources = completion.sources(answer.citations());
                if (!sources.isEmpty()) {
                    stream.send(null, json.bytes(completion.chunk(json.object().put("content", sources), null)));
                }
                continued.answered(question.caller(), turns, reply + sources, answer.conversationId());
                ObjectNode last = completion.chunk(json.object(), "stop");
                completion.extras(last, answer);
                stream.send(null, json.bytes(last));
                stream.send(null, "[DONE]".getBytes(StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                if (!stream.started()) throw e;
                ObjectNode error = json.object();
                error.putObject("error").put("message", errors.classify(e).message()).put("type", "server_error");
                stream.send(null, json.bytes(error));
            }
        }
    }

    /** The messages as turns, checked; the last must be the user's question. */
    private List<Turn> turns(JsonNode messages) {
        if (messages == null || messages.isNull()) throw ApiException.badRequest("missing field 'messages'");
        if (!messages.isArray()) throw JsonRequest.wrongType("messages", "an array of messages", messages);
        if (messages.isEmpty()) throw ApiException.badRequest("messages must not be empty");
        if (messages.size() > MAX_MESSAGES) throw ApiException.badRequest("messages has " + messages.size() + " items; at most " + MAX_MESSAGES);
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String where = "messages[" + i + "]";
            if (!message.isObject()) throw JsonRequest.wrongType(where, "an object", message);
            JsonNode role = message.get("role");
            if (role == null || !role.isTextual() || !ROLES.contains(role.textValue())) {
                throw ApiException.badRequest(where + ".role must be one of " + String.join(", ", ROLES.stream().sorted().toList()));
            }
            String text = content(where, message.get("content"));
            switch (role.textValue()) {
                case "user" -> turns.add(Turn.user(text, null));
                case "assistant" -> turns.add(Turn.assistant(text));
                default -> {
                    // instructions and tool results are not part of the conversation the advisor continues
                }
            }
        }
        JsonNode lastRole = messages.get(messages.size() - 1).get("role");
        if (turns.isEmpty() || !lastRole.textValue().equals("user")) {
            throw ApiException.badRequest("the last message must be the user's question (role \"user\")");
        }
        Turn last = turns.getLast();
        if (last.text().isBlank()) throw ApiException.badRequest("the question (last user message) must not be blank");
        ClientText.requireClean("the question", last.text(), true);
        return turns;
    }

    /** A message's text: a string, or the text parts of an array of content parts; CRLF becomes LF. */
    private static String content(String where, JsonNode content) {
        if (content == null || content.isNull()) return "";
        if (content.isTextual()) return content.textValue().replace("\r\n", "\n");
        if (!content.isArray()) throw JsonRequest.wrongType(where + ".content", "a string or an array of text parts", content);
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            JsonNode type = part.get("type");
            JsonNode value = part.get("text");
            if (!part.isObject() || type == null || !"text".equals(type.asText()) || value == null || !value.isTextual()) {
                throw ApiException.badRequest(where + ".content parts must be {\"type\":\"text\",\"text\":\"…\"}; "
                        + "only text is supported");
            }
            if (!text.isEmpty()) text.append('\n');
            text.append(value.textValue());
        }
        return text.toString().replace("\r\n", "\n");
    }

    /** One completion's id, time and language, and the JSON shapes it is sent in. */
    private final class Completion {
        private final String id;
        private final long created;
        private final boolean chinese;

        Completion(String id, long created, boolean chinese) {
            this.id = id;
            this.created = created;
            this.chinese = chinese;
        }

        ObjectNode whole(Answer answer) {
            ObjectNode body = head("chat.completion");
            ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
            choice.putObject("message").put("role", "assistant").put("content", reply(answer));
            choice.put("finish_reason", "stop");
            extras(body, answer);
            return body;
        }

        /** The reply's text as the client gets it: the answer, then the sources its marks point to. */
        String reply(Answer answer) {
            return answer.text() + sources(answer.citations());
        }

        ObjectNode chunk(ObjectNode delta, String finishReason) {
            ObjectNode body = head("chat.completion.chunk");
            ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
            choice.set("delta", delta);
            if (finishReason == null) choice.putNull("finish_reason");
            else choice.put("finish_reason", finishReason);
            return body;
        }

        void extras(ObjectNode body, Answer answer) {
            body.set("citations", AnswerJson.citations(answer.citations()));
            ObjectNode advisor = body.putObject("advisor")
                    .put("conversationId", answer.conversationId())
                    .put("messageId", answer.messageId())
                    .put("mode", answer.mode())
                    .put("model", answer instanceof Answer.Generated generated ? generated.model() : null);
            ArrayNode warnings = advisor.putArray("warnings");
            answer.warnings().forEach(warnings::add);
        }

        /** The sources the [n] marks point to, as a list after the answer; empty without citations. */
        String sources(List<Citation> citations) {
            if (citations.isEmpty()) return "";
            TreeMap<Integer, Citation> byNumber = new TreeMap<>();
            citations.forEach(c -> byNumber.putIfAbsent(c.n(), c));
            StringBuilder text = new StringBuilder(chinese ? "\n\n参考来源：" : "\n\nSources:");
            byNumber.values().forEach(c -> {
                text.append("\n[").append(c.n()).append("] ").append(chinese ? "《" + c.reportTitle() + "》" : c.reportTitle());
                if (c.section() != null && !c.section().isBlank()) text.append(" — ").append(c.section());
            });
            return text.toString();
        }

        private ObjectNode head(String object) {
            return json.object().put("id", id).put("object", object).put("created", created).put("model", MODEL_ID);
        }
    }
}
