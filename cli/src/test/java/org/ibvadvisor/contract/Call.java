package org.ibvadvisor.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One request of the contract, as data. {@code path} and {@code body} may hold placeholders ({@code <conversation-1>},
 * {@code <message-2>}, or a value {@linkplain #capturing captured} from an earlier response), which are resolved to
 * the live values just before the request is sent; the golden file shows the request with its placeholders.
 *
 * @param name      the golden file's name (unique within a suite)
 * @param body      the raw request body (sent as {@code application/json}), or {@code null} for none
 * @param accept    the {@code Accept} header, or {@code null} for none
 * @param digest    record a SHA-256 of the body instead of the body itself (large texts)
 * @param captures  values taken from this response (raw, before normalization) for later requests
 * @param unordered objects whose keys the product emits in a random order (see {@link Normalizer#sortKeys})
 */
record Call(String name, String method, String path, String body, String accept, boolean digest,
            List<Capture> captures, List<Unordered> unordered) {

    /** The value at JSON pointer {@code pointer} of the raw response becomes {@code placeholder} in later requests. */
    record Capture(String placeholder, String pointer) {
    }

    /** At JSON pointer {@code pointer}, the keys from index {@code from} on come from a {@code Map.copyOf}/{@code Map.of}. */
    record Unordered(String pointer, int from) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static Call get(String name, String path) {
        return send(name, "GET", path, null);
    }

    static Call post(String name, String path, String body) {
        return send(name, "POST", path, body);
    }

    static Call send(String name, String method, String path, String body) {
        return new Call(name, method, path, body, null, false, List.of(), List.of());
    }

    /** {@code POST /api/chat} as the chat page sends it: Server-Sent Events. */
    static Call chat(String name, String body) {
        return post(name, "/api/chat", body).accepting("text/event-stream");
    }

    Call accepting(String mediaType) {
        return new Call(name, method, path, body, mediaType, digest, captures, unordered);
    }

    Call digested() {
        return new Call(name, method, path, body, accept, true, captures, unordered);
    }

    Call capturing(String placeholder, String pointer) {
        List<Capture> more = new ArrayList<>(captures);
        more.add(new Capture(placeholder, pointer));
        return new Call(name, method, path, body, accept, digest, List.copyOf(more), unordered);
    }

    Call unorderedKeys(String pointer, int from) {
        List<Unordered> more = new ArrayList<>(unordered);
        more.add(new Unordered(pointer, from));
        return new Call(name, method, path, body, accept, digest, captures, List.copyOf(more));
    }

    /**
     * A compact JSON object from alternating names and values, in that order: strings, numbers, booleans, lists
     * (of strings or nodes) and nodes.
     */
    static String json(Object... namesAndValues) {
        return object(namesAndValues).toString();
    }

    /** An object node from alternating names and values (see {@link #json}). */
    static ObjectNode object(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) throw new IllegalArgumentException("names and values must alternate");
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            node.set((String) namesAndValues[i], JSON.valueToTree(namesAndValues[i + 1]));
        }
        return node;
    }

    /** An OpenAI {@code messages} array from alternating roles and contents. */
    static ArrayNode messages(String... rolesAndContents) {
        ArrayNode array = JSON.createArrayNode();
        for (int i = 0; i < rolesAndContents.length; i += 2) {
            array.add(object("role", rolesAndContents[i], "content", rolesAndContents[i + 1]));
        }
        return array;
    }

    /** The parsed body, or {@code null} when there is none or it is not JSON (a malformed-JSON case). */
    JsonNode jsonBody() {
        if (body == null) return null;
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
