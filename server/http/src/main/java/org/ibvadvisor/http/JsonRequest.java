package org.ibvadvisor.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A JSON object sent as a request body, read within the size limit and taken apart field by field; every
 * mistake is a 4xx naming the field.
 */
final class JsonRequest {
    private static final int MAX_LIST_ITEMS = 100;
    private static final long DRAIN_BYTES = 4L << 20;

    private final ObjectNode body;

    private JsonRequest(ObjectNode body) {
        this.body = body;
    }

    /**
     * Reads the body of {@code ctx}.
     *
     * @param allowedFields the fields a client may send, or {@code null} to ignore unknown fields
     */
    static JsonRequest read(Context ctx, ApiJson json, int maxBodyBytes, Set<String> allowedFields) {
        requireJsonContentType(ctx.contentType());
        JsonNode node = json.parse(utf8(readBody(ctx, maxBodyBytes)));
        if (!node.isObject()) throw ApiException.badRequest("request body must be a JSON object, was " + kind(node));
        if (allowedFields != null) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!allowedFields.contains(name)) {
                    throw ApiException.badRequest("unknown field '" + shorten(name) + "'; allowed: "
                            + String.join(", ", allowedFields));
                }
            }
        }
        return new JsonRequest((ObjectNode) node);
    }

    static void requireJsonContentType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw new ApiException(415, "Content-Type must be application/json");
        }
        String[] parts = contentType.split(";");
        String mediaType = parts[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw new ApiException(415, "Content-Type must be application/json, was " + shorten(mediaType));
        }
        for (int i = 1; i < parts.length; i++) {
            String[] param = parts[i].split("=", 2);
            if (param[0].trim().equalsIgnoreCase("charset") && param.length == 2) {
                String charset = param[1].trim().replace("\"", "");
                if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
                    throw new ApiException(415, "JSON must be sent as UTF-8, was charset " + shorten(charset));
                }
            }
        }
    }

    /**
     * The body, at most {@code maxBodyBytes}. A larger body is 413; up to {@link #DRAIN_BYTES} of it is read and
     * dropped first, so the client (still sending) reliably receives the answer instead of a reset connection.
     */
    static byte[] readBody(Context ctx, int maxBodyBytes) {
        long declared = ctx.req().getContentLengthLong();
        try (InputStream in = ctx.req().getInputStream()) {
            if (declared > maxBodyBytes) {
                if (declared <= DRAIN_BYTES) drain(in);
                throw tooLarge(maxBodyBytes);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) != -1) {
                if (out.size() + read > maxBodyBytes) {
                    drain(in);
                    throw tooLarge(maxBodyBytes);
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw ApiException.badRequest("could not read the request body: " + e.getMessage());
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[16384];
        long total = 0;
        int read;
        while (total <= DRAIN_BYTES && (read = in.read(buffer)) != -1) total += read;
    }

    /** Strict UTF-8: malformed and overlong sequences (which a lenient decoder turns into '/' or '.') are refused. */
    static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("request body is not valid UTF-8");
        }
    }

    private static ApiException tooLarge(int maxBodyBytes) {
        return new ApiException(413, "request body is larger than " + maxBodyBytes + " bytes");
    }

    boolean has(String field) {
        JsonNode node = body.get(field);
        return node != null && !node.isNull();
    }

    JsonNode node(String field) {
        return body.get(field);
    }

    /** A string field that must be there and not blank, of at most {@code maxChars} chars, without control characters. */
    String requiredText(String field, int maxChars, boolean multiline) {
        if (!has(field)) throw ApiException.badRequest("missing field '" + field + "'");
        String text = optionalText(field, maxChars, multiline);
        if (text.isBlank()) throw ApiException.badRequest(field + " must not be blank");
        return text;
    }

    /** A string field, or {@code null} when absent or null. */
    String optionalText(String field, int maxChars, boolean multiline) {
        if (!has(field)) return null;
        JsonNode node = body.get(field);
        if (!node.isTextual()) throw wrongType(field, "a string", node);
        String text = node.textValue();
        if (text.length() > maxChars) {
            throw ApiException.badRequest(field + " has " + text.length() + " characters; at most " + maxChars);
        }
        return ClientText.requireClean(field, text, multiline);
    }

    /** An integer field from {@code min} to {@code max}, or {@code fallback} when absent or null. */
    int optionalInt(String field, int fallback, int min, int max) {
        if (!has(field)) return fallback;
        JsonNode node = body.get(field);
        if (!node.isIntegralNumber()) throw wrongType(field, "an integer from " + min + " to " + max, node);
        if (!node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            throw ApiException.badRequest(field + " must be between " + min + " and " + max + ", was " + shorten(node.toString()));
        }
        return node.intValue();
    }

    boolean optionalBoolean(String field, boolean fallback) {
        if (!has(field)) return fallback;
        JsonNode node = body.get(field);
        if (!node.isBoolean()) throw wrongType(field, "true or false", node);
        return node.booleanValue();
    }

    /** A list of short ids (e.g. report ids), empty when absent or null. */
    Set<String> optionalIds(String field) {
        if (!has(field)) return Set.of();
        JsonNode node = body.get(field);
        if (!node.isArray()) throw wrongType(field, "an array of strings", node);
        if (node.size() > MAX_LIST_ITEMS) throw ApiException.badRequest(field + " has " + node.size() + " items; at most " + MAX_LIST_ITEMS);
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) throw wrongType(field + " item", "a string", item);
            String id = item.textValue();
            if (id.isBlank() || id.length() > 200) throw ApiException.badRequest(field + " items must be non-blank ids of at most 200 characters");
            ids.add(ClientText.requireClean(field + " item", id, false));
        }
        return ids;
    }

    static ApiException wrongType(String field, String expected, JsonNode actual) {
        return ApiException.badRequest(field + " must be " + expected + ", was " + kind(actual));
    }

    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case STRING -> "a string";
            case NUMBER -> "the number " + shorten(node.toString());
            case BOOLEAN -> node.booleanValue() ? "true" : "false";
            case NULL, MISSING -> "null";
            case BINARY -> "binary";
        };
    }

    static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
