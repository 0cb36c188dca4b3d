package org.ibvadvisor.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiPredicate;
import org.ibvadvisor.answer.Answer;
import org.ibvadvisor.answer.AnswerListener;
import org.ibvadvisor.answer.Answerer;
import org.ibvadvisor.answer.Caller;
import org.ibvadvisor.answer.Question;
import org.ibvadvisor.answer.json.AnswerJson;
import org.ibvadvisor.http.auth.AccessControl;
import org.ibvadvisor.retrieval.Passage;

/**
 * {@code POST /api/answer} (one JSON answer) and {@code POST /api/chat} (the same answer as Server-Sent Events:
 * {@code passages}, then {@code token}s, then {@code done} with the answer, or {@code error}).
 */
final class AnswerRoutes {
    private static final Set<String> FIELDS = Set.of("question", "conversationId", "reports");

    private final Answerer answerer;
    private final BiPredicate<Caller, String> conversationExists;
    private final ApiJson json;
    private final ErrorMapping errors;
    private final int maxBodyBytes;
    private final ScheduledExecutorService scheduler;
    private final Duration heartbeat;

    AnswerRoutes(Answerer answerer, BiPredicate<Caller, String> conversationExists, ApiJson json, ErrorMapping errors,
                 int maxBodyBytes, ScheduledExecutorService scheduler, Duration heartbeat) {
        this.answerer = answerer;
        this.conversationExists = conversationExists;
        this.json = json;
        this.errors = errors;
        this.maxBodyBytes = maxBodyBytes;
        this.scheduler = scheduler;
        this.heartbeat = heartbeat;
    }

    void answer(Context ctx) {
        Question question = question(AccessControl.caller(ctx), JsonRequest.read(ctx, json, maxBodyBytes, FIELDS));
        json.reply(ctx, 200, AnswerJson.write(answerer.answer(question, AnswerListener.NONE)));
    }

    void chat(Context ctx) {
        if (!acceptsEventStream(ctx.header("Accept"))) {
            throw new ApiException(406, "/api/chat answers as Server-Sent Events: send Accept: text/event-stream "
                    + "(or use POST /api/answer for one JSON answer)");
        }
        Question question = question(AccessControl.caller(ctx), JsonRequest.read(ctx, json, maxBodyBytes, FIELDS));
        try (SseStream stream = new SseStream(ctx.res(), scheduler, heartbeat)) {
            try {
                Answer answer = answerer.answer(question, new StreamingListener(stream));
                if (!stream.closed()) stream.send("done", json.bytes(AnswerJson.write(answer)));
            } catch (RuntimeException e) {
                if (!stream.started()) throw e;
                stream.send("error", json.bytes(json.error(errors.classify(e).message())));
            }
        }
    }

    /** The question {@code caller} asks; continuing a conversation that is not the caller's is not found. */
    private Question question(Caller caller, JsonRequest body) {
        String text = body.requiredText("question", Question.MAX_CHARS, true);
        String conversationId = body.optionalText("conversationId", 100, false);
        if (conversationId != null && !conversationExists.test(caller, conversationId)) {
            throw ConversationRoutes.notFound(conversationId);
        }
        return new Question(text, conversationId, body.optionalIds("reports")).askedBy(caller);
    }

    static boolean acceptsEventStream(String accept) {
        if (accept == null) return false;
        for (String range : accept.split(",")) {
            String mediaType = range.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (mediaType.equals("text/event-stream")) return true;
        }
        return false;
    }

    /** Passes what the answerer tells it on as events; a client gone away is a cancelled answer. */
    private final class StreamingListener implements AnswerListener {
        private final SseStream stream;

        StreamingListener(SseStream stream) {
            this.stream = stream;
        }

        @Override
        public void passages(String conversationId, List<Passage> passages) {
            ObjectNode event = json.object().put("conversationId", conversationId);
            event.set("passages", json.passages(passages));
            stream.send("passages", json.bytes(event));
        }

        @Override
        public void token(String text) {
            if (text == null || text.isEmpty()) return;
            stream.send("token", json.bytes(json.object().put("text", text)));
        }

        @Override
        public boolean cancelled() {
            return stream.closed();
        }
    }
}
