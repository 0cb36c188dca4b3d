package org.ibvadvisor.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Replaces the volatile values of responses (and only those) by stable placeholders, in place, keeping every
 * object's field order. One per suite run, so that an id gets the same placeholder wherever it appears — a
 * follow-up's {@code conversationId}, a conversation's {@code id}, an error message naming it — and identity
 * between responses is checked too.
 *
 * <ul>
 *   <li>conversation and message ids (22 random base64url characters): {@code <conversation-N>}, {@code <message-N>}
 *       numbered in order of first appearance; an {@code id} inside a {@code messages} array is a message's, any
 *       other well-formed {@code id} a conversation's. Known ids are also replaced inside any string.</li>
 *   <li>{@code /v1} completion ids ({@code chatcmpl-…}): {@code <completion-N>}; {@code created} (Unix seconds):
 *       {@code <unix-time>}.</li>
 *   <li>timings, every number (fractional milliseconds) whose field name ends in {@code Ms}: {@code <ms>}
 *       ({@code null} stays {@code null}).</li>
 *   <li>{@code createdAt} / {@code updatedAt} that parse as an ISO instant: {@code <timestamp>}.</li>
 *   <li>literal strings registered with {@link #literal} (the stand-in Ollama's URL, whose port is random).</li>
 * </ul>
 *
 * A value of the expected field that does not have the expected shape (an id that is not 22 characters, a
 * timestamp that is not ISO, a timing that is a string) is left as it is, so that such drift shows.
 *
 * <p>{@code score} and {@code confidence} are rounded to 4 decimals. They are NOT deterministic across JVMs: over
 * the same index (same segment, same vectors; the query's embedding is bit-identical run to run) a passage's fused
 * score was seen to differ by up to 2.4e-6 between two runs of this test, in 16 of ~45 scores, with every rank and
 * the order unchanged — float dot products whose last bits depend on how the JIT compiled Lucene's vectorized code
 * at that moment. A value this close to a rounding boundary can still flip its 4th decimal, so the comparison
 * ({@link TextDiff#sameUpToRounding}) accepts a line that differs only in such a number by at most 0.0001.
 */
final class Normalizer {
    private static final Pattern RANDOM_ID = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final Pattern COMPLETION_ID = Pattern.compile("chatcmpl-[0-9a-f]{32}");
    private static final Set<String> TIMESTAMPS = Set.of("createdAt", "updatedAt");
    /** Floats rounded to 4 decimals (see the class comment). */
    static final Set<String> ROUNDED = Set.of("score", "confidence");

    private final Map<String, String> placeholders = new LinkedHashMap<>();   // live value -> placeholder
    private final Map<String, String> resolutions = new HashMap<>();          // placeholder -> live value
    private final Map<String, Integer> counters = new HashMap<>();
    private final List<String[]> literals = new ArrayList<>();

    /** Every occurrence of {@code value} in a string becomes {@code placeholder}. */
    void literal(String value, String placeholder) {
        literals.add(new String[] {value, placeholder});
    }

    /** Makes {@code placeholder} resolve to {@code value} in later requests (a captured value). */
    void define(String placeholder, String value) {
        resolutions.put(placeholder, value);
    }

    /** The text with every placeholder it contains replaced by its live value. */
    String resolve(String template) {
        String text = template;
        for (Map.Entry<String, String> e : resolutions.entrySet()) text = text.replace(e.getKey(), e.getValue());
        return text;
    }

    /** Resolves the placeholders inside every string of a request body (so captured values are JSON-escaped). */
    JsonNode resolve(JsonNode template) {
        JsonNode node = template.deepCopy();
        mapStrings(node, this::resolve);
        return node;
    }

    /** Normalizes a response body in place and returns it. */
    JsonNode json(JsonNode node) {
        walk(node, null);
        return node;
    }

    /** A string with the known ids and literals in it replaced. */
    String text(String value) {
        String text = value;
        for (String[] literal : literals) text = text.replace(literal[0], literal[1]);
        for (Map.Entry<String, String> e : placeholders.entrySet()) text = text.replace(e.getKey(), e.getValue());
        return text;
    }

    /**
     * Sorts the keys of the object at {@code pointer} from index {@code from} on. For objects the product builds from
     * {@code Map.of}/{@code Map.copyOf}, whose iteration order changes from one JVM to the next.
     */
    static void sortKeys(JsonNode root, String pointer, int from) {
        if (!(root.at(pointer) instanceof ObjectNode object) || object.size() <= from) return;
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(object.properties());
        List<Map.Entry<String, JsonNode>> tail = new ArrayList<>(entries.subList(from, entries.size()));
        tail.sort(Map.Entry.comparingByKey());
        tail.forEach(e -> object.remove(e.getKey()));
        tail.forEach(e -> object.set(e.getKey(), e.getValue()));
    }

    private String id(String kind, String value) {
        return placeholders.computeIfAbsent(value, v -> {
            String placeholder = "<" + kind + "-" + counters.merge(kind, 1, Integer::sum) + ">";
            resolutions.put(placeholder, v);
            return placeholder;
        });
    }

    /** {@code arrayName}: the field of the array {@code node} is an element of, if it is one. */
    private void walk(JsonNode node, String arrayName) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : new ArrayList<>(object.properties())) {
                JsonNode value = field.getValue();
                JsonNode replaced = replacement(field.getKey(), value, arrayName);
                if (replaced != null) object.set(field.getKey(), replaced); // same position
                else if (value.isArray()) walk(value, field.getKey());
                else walk(value, null);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) array.set(i, TextNode.valueOf(text(array.get(i).textValue())));
                else walk(array.get(i), arrayName);
            }
        }
    }

    private JsonNode replacement(String name, JsonNode value, String arrayName) {
        if (value.isNumber()) {
            if (name.endsWith("Ms") && value.doubleValue() >= 0) return TextNode.valueOf("<ms>");
            if (ROUNDED.contains(name) && value.isFloatingPointNumber()) {
                return DoubleNode.valueOf(Math.round(value.doubleValue() * 10_000) / 10_000.0);
            }
            if (name.equals("created") && value.isIntegralNumber()) return TextNode.valueOf("<unix-time>");
            return null;
        }
        if (!value.isTextual()) return null;
        String text = value.textValue();
        boolean randomId = RANDOM_ID.matcher(text).matches();
        if (name.equals("conversationId") && randomId) return TextNode.valueOf(id("conversation", text));
        if (name.equals("messageId") && randomId) return TextNode.valueOf(id("message", text));
        if (name.equals("id") && COMPLETION_ID.matcher(text).matches()) return TextNode.valueOf(id("completion", text));
        if (name.equals("id") && randomId) {
            return TextNode.valueOf(id("messages".equals(arrayName) ? "message" : "conversation", text));
        }
        if (TIMESTAMPS.contains(name) && isInstant(text)) return TextNode.valueOf("<timestamp>");
        String replaced = text(text);
        return replaced.equals(text) ? null : TextNode.valueOf(replaced);
    }

    private static boolean isInstant(String text) {
        try {
            Instant.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static void mapStrings(JsonNode node, java.util.function.UnaryOperator<String> map) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : new ArrayList<>(object.properties())) {
                if (field.getValue().isTextual()) object.put(field.getKey(), map.apply(field.getValue().textValue()));
                else mapStrings(field.getValue(), map);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) array.set(i, TextNode.valueOf(map.apply(array.get(i).textValue())));
                else mapStrings(array.get(i), map);
            }
        }
    }
}
