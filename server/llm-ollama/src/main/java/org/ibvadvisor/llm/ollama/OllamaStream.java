package org.ibvadvisor.llm.ollama;

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
 * One streaming chat with Ollama as {@link ChatBackend.Events}: the HTTP exchange, which can be aborted at any stage
 * (before the response, while streaming), every raw NDJSON line and the end of the body (from
 * {@link OllamaTransport}), what langchain4j makes of them, and Ollama's final chunk, whose {@code done_reason} and
 * counts langchain4j does not pass on in full. A body that ends before the reply did is a broken stream.
 */
final class OllamaStream implements ChatBackend.Chat, StreamingChatResponseHandler {

    /** The fields of Ollama's final {@code done:true} chunk that matter here. */
    private record FinalChunk(String doneReason, Integer promptEvalCount, Integer evalCount) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChatBackend.Events events;
    private final OllamaSettings settings;
    private final AtomicBoolean ended = new AtomicBoolean();
    private boolean aborted;
    private Future<?> request;
    private InputStream body;
    private volatile boolean responseStarted;
    private volatile FinalChunk finalChunk;

    OllamaStream(ChatBackend.Events events, OllamaSettings settings) {
        this.events = events;
        this.settings = settings;
    }

    // ---- the HTTP exchange, told by the transport ----

    /** Registers the pending HTTP request; cancels it at once if the chat was already aborted. */
    void requestSent(Future<?> pending) {
        synchronized (this) {
            if (!aborted) {
                request = pending;
                return;
            }
        }
        pending.cancel(true);
    }

    /** Registers the response body; false (caller must close it) if the chat was already aborted. */
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

    /** Stops the HTTP exchange wherever it is: cancels the pending request and closes the response stream. */
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

    void line(String line) {
        if (line.contains("\"done\"") && !line.contains("\"done\":false")) {
            try {
                JsonNode chunk = JSON.readTree(line);
                if (chunk.path("done").asBoolean(false)) {
                    finalChunk = new FinalChunk(text(chunk.get("done_reason")), integer(chunk.get("prompt_eval_count")),
                            integer(chunk.get("eval_count")));
                }
            } catch (IOException | RuntimeException malformed) {
                // langchain4j sees the same line and reports it
            }
        }
        events.line();
    }

    /** The response body ended (cleanly or not) after the response had started. */
    void bodyEnded() {
        failed(new GenerationFailure.StreamBroken("Ollama ended the stream without its final done chunk"));
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
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        FinalChunk last = finalChunk;
        TokenUsage usage = response.metadata() == null ? null : response.metadata().tokenUsage();
        Integer promptEvalCount = last != null && last.promptEvalCount() != null ? last.promptEvalCount()
                : usage == null ? null : usage.inputTokenCount();
        Integer evalCount = last != null && last.evalCount() != null ? last.evalCount()
                : usage == null ? null : usage.outputTokenCount();
        String doneReason = last != null && last.doneReason() != null ? last.doneReason()
                : doneReason(response.metadata() == null ? null : response.metadata().finishReason());
        events.done(new ChatBackend.Usage(doneReason, promptEvalCount, evalCount));
    }

    @Override
    public void onError(Throwable error) {
        failed(OllamaErrors.classify(error, responseStarted, settings));
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

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static Integer integer(JsonNode node) {
        return node == null || !node.canConvertToInt() ? null : node.asInt();
    }
}
