package org.ibvadvisor.llm.ollama;

import org.ibvadvisor.answer.generate.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Future;

/**
 * The HTTP side of one generation: lets the generation abort the request at any stage (before the response, while
 * streaming), tells it of every raw NDJSON line and of the end of the body, and keeps Ollama's final chunk, whose
 * {@code done_reason} and counts langchain4j does not pass on in full.
 */
final class Exchange {

    /** What the generation hears from the transport. */
    interface Events {
        /** A line of the stream arrived (content, thinking, final or error). */
        void onLine();

        /** The response body ended (cleanly or not) after the response had started. */
        void onBodyEnd();
    }

    /** The fields of Ollama's final {@code done:true} chunk that matter here. */
    record FinalChunk(String doneReason, Integer promptEvalCount, Integer evalCount) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Events events;
    private boolean aborted;
    private Future<?> request;
    private InputStream body;
    private volatile boolean responseStarted;
    private volatile FinalChunk finalChunk;

    Exchange(Events events) {
        this.events = events;
    }

    /** Registers the pending HTTP request; cancels it at once if the exchange was already aborted. */
    void requestSent(Future<?> pending) {
        synchronized (this) {
            if (!aborted) {
                request = pending;
                return;
            }
        }
        pending.cancel(true);
    }

    /** Registers the response body; false (caller must close it) if the exchange was already aborted. */
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
    void abort() {
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

    boolean hasResponseStarted() {
        return responseStarted;
    }

    FinalChunk finalChunk() {
        return finalChunk;
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
        events.onLine();
    }

    void bodyEnded() {
        events.onBodyEnd();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static Integer integer(JsonNode node) {
        return node == null || !node.canConvertToInt() ? null : node.asInt();
    }
}
