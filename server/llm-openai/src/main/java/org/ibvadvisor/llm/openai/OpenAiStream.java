package org.ibvadvisor.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ibvadvisor.answer.generate.ChatBackend;
import org.ibvadvisor.answer.generate.GenerationFailure;

/**
 * One streaming chat completion as {@link ChatBackend.Events}: the HTTP exchange, which can be aborted at any stage,
 * every raw SSE event (from {@link OpenAiTransport}), what langchain4j makes of them, and the two things it does not
 * pass on in full: the {@code usage} chunk ({@code stream_options.include_usage}) and the {@code finish_reason}. An
 * {@code error} object in the stream, or a body that ends without {@code data: [DONE]}, is a broken stream.
 */
final class OpenAiStream implements ChatBackend.Chat, StreamingChatResponseHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DONE = "[DONE]";

    private final ChatBackend.Events events;
    private final OpenAiSettings settings;
    private final AtomicBoolean ended = new AtomicBoolean();
    private boolean aborted;
    private Future<?> request;
    private InputStream body;
    private volatile boolean responseStarted;
    private volatile boolean sawDone;
    private volatile String finishReason;
    private volatile Integer promptTokens;
    private volatile Integer completionTokens;

    OpenAiStream(ChatBackend.Events events, OpenAiSettings settings) {
        this.events = events;
        this.settings = settings;
    }

    // ---- the HTTP exchange, told by the transport ----

    void requestSent(Future<?> pending) {
        synchronized (this) {
            if (!aborted) {
                request = pending;
                return;
            }
        }
        pending.cancel(true);
    }

    boolean responseStarted(InputStream responseBody) {
        synchronized (this) {
            if (aborted) {
                return false;
            }
            body = responseBody;
            responseStarted = true;
            return true;
        }
    }

    @Override
    public void abort() {
        Future<?> pendingRequest;
        InputStream responseBody;
        synchronized (this) {
            if (aborted) {
                return;
            }
            aborted = true;
            pendingRequest = request;
            responseBody = body;
        }
        if (pendingRequest != null) {
            pendingRequest.cancel(true);
        }
        if (responseBody != null) {
            try {
                responseBody.close();
            } catch (IOException ignored) {
                // aborting anyway
            }
        }
    }

    synchronized boolean aborted() {
        return aborted;
    }

    boolean sawDone() {
        return sawDone;
    }

    /** One SSE event's data: a chunk, the usage chunk, an error object, or {@code [DONE]}. */
    void line(String data) {
        if (DONE.equals(data.strip())) {
            sawDone = true;
        } else if (data.contains("\"usage\"") || data.contains("\"finish_reason\"") || data.contains("\"error\"")) {
            read(data);
        }
        events.line();
    }

    private void read(String data) {
        JsonNode chunk;
        try {
            chunk = JSON.readTree(data);
        } catch (IOException | RuntimeException malformed) {
            return; // langchain4j sees the same event and reports it
        }
        if (chunk == null) {
            return;
        }
        if (chunk.hasNonNull("error") || "error".equals(chunk.path("object").asText())) {
            JsonNode error = chunk.hasNonNull("error") ? chunk.get("error") : chunk;
            failed(new GenerationFailure.StreamBroken("the server reported an error mid-answer: "
                    + OpenAiErrors.shorten(error.isTextual() ? error.asText() : error.path("message").asText(error.toString()))));
            return;
        }
        JsonNode usage = chunk.get("usage");
        if (usage != null && usage.isObject()) {
            promptTokens = integer(usage.get("prompt_tokens"));
            completionTokens = integer(usage.get("completion_tokens"));
        }
        JsonNode choices = chunk.path("choices");
        if (choices.isArray() && !choices.isEmpty()) {
            JsonNode reason = choices.get(0).get("finish_reason");
            if (reason != null && reason.isTextual()) {
                finishReason = reason.asText();
            }
        }
    }

    /** The response body ended (cleanly or not) after the response had started. */
    void bodyEnded() {
        failed(new GenerationFailure.StreamBroken("the server ended the stream without data: [DONE]"));
    }

    // ---- the reply, told by langchain4j ----

    @Override
    public void onPartialResponse(String piece) {
        if (!ended.get() && !piece.isEmpty()) {
            events.content(piece);
        }
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
        if (!sawDone || !ended.compareAndSet(false, true)) {
            return;
        }
        TokenUsage usage = response.metadata() == null ? null : response.metadata().tokenUsage();
        Integer prompt = promptTokens != null ? promptTokens : usage == null ? null : usage.inputTokenCount();
        Integer generated = completionTokens != null ? completionTokens : usage == null ? null : usage.outputTokenCount();
        String reason = finishReason != null ? finishReason
                : doneReason(response.metadata() == null ? null : response.metadata().finishReason());
        events.done(new ChatBackend.Usage(reason, prompt, generated));
    }

    @Override
    public void onError(Throwable error) {
        failed(OpenAiErrors.classify(error, responseStarted, settings));
    }

    void failed(GenerationFailure failure) {
        if (ended.compareAndSet(false, true)) {
            events.failed(failure);
        }
    }

    private static String doneReason(FinishReason reason) {
        if (reason == null) {
            return null;
        }
        return switch (reason) {
            case STOP -> "stop";
            case LENGTH -> "length";
            default -> reason.name().toLowerCase(Locale.ROOT);
        };
    }

    private static Integer integer(JsonNode node) {
        return node == null || !node.canConvertToInt() ? null : node.asInt();
    }
}
