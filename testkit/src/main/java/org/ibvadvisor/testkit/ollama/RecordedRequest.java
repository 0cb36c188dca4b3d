package org.ibvadvisor.testkit.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One request the stand-in Ollama received, with its JSON body parsed, and how its exchange ended.
 *
 * @param method  HTTP method
 * @param path    request path without query
 * @param headers request headers, names lower-cased
 * @param body    the raw body (UTF-8)
 * @param json    the parsed body, {@link MissingNode} when the body is empty or not JSON
 */
public record RecordedRequest(String method, String path, Map<String, String> headers, String body, JsonNode json,
                              CompletableFuture<Ending> ending) {

    /** How the stand-in's side of one exchange ended. */
    public enum EndKind {
        /** The script ran to its end (which may be a cut or an error by design). */
        COMPLETED,
        /** The client closed or reset the connection before the script finished. */
        CLIENT_GONE,
        /** The stand-in was closed while the exchange was in progress. */
        SERVER_CLOSED
    }

    /** How an exchange ended and how many content chunks had been written by then. */
    public record Ending(EndKind kind, int contentChunksWritten) {}

    /** One chat message of the request. */
    public record Message(String role, String content) {}

    public String model() {
        return json.path("model").asText(null);
    }

    public List<Message> messages() {
        List<Message> out = new ArrayList<>();
        for (JsonNode m : json.path("messages")) {
            out.add(new Message(m.path("role").asText(), m.path("content").asText()));
        }
        return out;
    }

    /** {@code stream} as Ollama reads it: true unless the request says {@code false}. */
    public boolean stream() {
        return json.path("stream").asBoolean(true);
    }

    /** {@code think}, or null when the request does not send it. */
    public Boolean think() {
        JsonNode think = json.get("think");
        return think == null || think.isNull() ? null : think.asBoolean();
    }

    /** {@code keep_alive} as sent (a number of seconds or a duration string), or null when absent. */
    public JsonNode keepAlive() {
        return json.get("keep_alive");
    }

    /** One entry of {@code options}, {@link MissingNode} when absent. */
    public JsonNode option(String name) {
        return json.path("options").path(name);
    }

    /** {@code options.num_ctx}, or null when absent. */
    public Integer numCtx() {
        JsonNode n = option("num_ctx");
        return n.isMissingNode() || n.isNull() ? null : n.asInt();
    }

    /** {@code options.temperature}, or null when absent. */
    public Double temperature() {
        JsonNode n = option("temperature");
        return n.isMissingNode() || n.isNull() ? null : n.asDouble();
    }

    /** Waits for the stand-in's side of this exchange to end. */
    public Ending awaitEnding(Duration timeout) {
        try {
            return ending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("exchange " + method + " " + path + " did not end within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        }
    }
}
