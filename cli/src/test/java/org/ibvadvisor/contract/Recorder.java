package org.ibvadvisor.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Sends {@link Call}s to a running advisor and renders each exchange as the text of its golden file: the request
 * (with its placeholders), then the response's status, {@code Content-Type} and body. A JSON body is shown as its
 * normalized tree in the order the server wrote it; the body must also be exactly the compact serialization of that
 * tree, else its text is added as {@code bodyText} (so a whitespace or number-format change shows as well). An
 * event stream is shown event by event, each event's data likewise; heartbeat comments are left out (they depend on
 * timing). A digested body is shown as its SHA-256 and length.
 */
final class Recorder implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectWriter PRETTY = JSON.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));
    private static final String HEARTBEAT = ": keep-alive";
    private static final int SHOWN_CHARS = 120;

    private final URI base;
    private final Normalizer normalizer;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    Recorder(URI base, Normalizer normalizer) {
        this.base = base;
        this.normalizer = normalizer;
    }

    /** Sends {@code call} and returns its exchange as golden-file text. */
    String record(Call call) {
        HttpResponse<byte[]> response = send(call);
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        String body = new String(response.body(), StandardCharsets.UTF_8);
        for (Call.Capture capture : call.captures()) {
            normalizer.define(capture.placeholder(), parse(body).at(capture.pointer()).asText());
        }

        ObjectNode exchange = JSON.createObjectNode();
        exchange.set("request", request(call));
        ObjectNode out = exchange.putObject("response");
        out.put("status", response.statusCode());
        out.put("contentType", contentType);
        if (call.digest()) {
            out.put("bodySha256", sha256(response.body()));
            out.put("bodyBytes", response.body().length);
        } else if (contentType != null && contentType.startsWith("text/event-stream")) {
            out.set("events", events(body, call));
        } else if (!body.isEmpty()) {
            putJson(out, "body", "bodyText", body, call);
        }
        try {
            return PRETTY.writeValueAsString(exchange) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<byte[]> send(Call call) {
        JsonNode json = call.jsonBody();
        String body = call.body() == null ? null
                : json != null ? normalizer.resolve(json).toString() : normalizer.resolve(call.body());
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(normalizer.resolve(call.path())))
                .timeout(Duration.ofSeconds(60))
                .method(call.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) request.header("Content-Type", "application/json");
        if (call.accept() != null) request.header("Accept", call.accept());
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(call.method() + " " + call.path() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The request as the golden file documents it: with its placeholders, long strings shortened. */
    private static ObjectNode request(Call call) {
        ObjectNode request = JSON.createObjectNode().put("method", call.method()).put("path", call.path());
        if (call.accept() != null) request.put("accept", call.accept());
        JsonNode json = call.jsonBody();
        if (json != null) request.set("body", shorten(json.deepCopy()));
        else if (call.body() != null) request.put("bodyText", call.body());
        return request;
    }

    /** {@code data} of each event, normalized; a block that is not {@code [event: …\n]data: …} is kept raw. */
    private ArrayNode events(String body, Call call) {
        ArrayNode events = JSON.createArrayNode();
        String[] blocks = body.split("\n\n", -1);
        for (int i = 0; i < blocks.length; i++) {
            String block = blocks[i];
            boolean last = i == blocks.length - 1;
            if (last && block.isEmpty() || block.equals(HEARTBEAT)) continue;
            String[] lines = block.split("\n", -1);
            ObjectNode event = events.addObject();
            if (last) {
                event.put("unterminated", normalizer.text(block));
            } else if (lines.length == 2 && lines[0].startsWith("event: ") && lines[1].startsWith("data: ")) {
                event.put("event", lines[0].substring(7));
                putJson(event, "data", "dataText", lines[1].substring(6), call);
            } else if (lines.length == 1 && lines[0].startsWith("data: ")) {
                putJson(event, "data", "dataText", lines[0].substring(6), call);
            } else {
                event.put("unparsed", normalizer.text(block));
            }
        }
        return events;
    }

    /** The normalized tree under {@code field}; the (normalized) text under {@code textField} unless it is canonical. */
    private void putJson(ObjectNode into, String field, String textField, String text, Call call) {
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (IOException e) {
            tree = null;
        }
        if (tree == null || tree.isMissingNode()) {
            into.put(textField, normalizer.text(text));
            return;
        }
        boolean canonical = tree.toString().equals(text);
        for (Call.Unordered unordered : call.unordered()) Normalizer.sortKeys(tree, unordered.pointer(), unordered.from());
        into.set(field, normalizer.json(tree));
        if (!canonical) into.put(textField, normalizer.text(text));
    }

    private static JsonNode shorten(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(e -> e.setValue(shorten(e.getValue())));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) array.set(i, shorten(array.get(i)));
        } else if (node.isTextual() && node.textValue().length() > SHOWN_CHARS) {
            return TextNode.valueOf(node.textValue().substring(0, 20) + "… (" + node.textValue().length() + " characters)");
        }
        return node;
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot capture from a response that is not JSON: " + body, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
