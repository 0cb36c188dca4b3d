package org.ibvadvisor.eval.rgb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The RGB-zh queries and their pooled passages, read from {@code zh_refine.jsonl} (one
 * {@code {"id","query","answer","positive","negative"}} per line). Passages are pooled across queries and
 * de-duplicated by exact text; each gets the id {@code p<n>} in order of first appearance.
 *
 * @param queries  in file order
 * @param passages passage id to text, in id order
 * @param hash     SHA-256 of the data file (hex), which keys the cached index
 */
public record RgbData(List<RgbQuery> queries, Map<String, String> passages, String hash) {
    public static final String FILE = "zh_refine.jsonl";

    /** One query and the ids of its positive passages. */
    public record RgbQuery(String id, String query, Set<String> positives) {
        public RgbQuery {
            positives = Set.copyOf(positives);
        }
    }

    public RgbData {
        queries = List.copyOf(queries);
        passages = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(passages));
    }

    /** @param folder the folder holding {@value #FILE} */
    public static RgbData read(Path folder) {
        Path file = folder.resolve(FILE);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the RGB data " + file + ": " + e.getMessage(), e);
        }
        ObjectMapper mapper = new ObjectMapper();
        Map<String, String> idByText = new LinkedHashMap<>();
        List<RgbQuery> queries = new ArrayList<>();
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            JsonNode node;
            try {
                node = mapper.readTree(lines[i]);
            } catch (IOException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + " is not JSON: " + e.getMessage(), e);
            }
            if (node.path("query").asText().isBlank()) throw new IllegalArgumentException(file + " line " + (i + 1) + " has no query");
            Set<String> positives = new LinkedHashSet<>();
            for (JsonNode passage : node.path("positive")) positives.add(pool(idByText, passage.asText()));
            for (JsonNode passage : node.path("negative")) pool(idByText, passage.asText());
            queries.add(new RgbQuery(node.path("id").asText(String.valueOf(i)), node.path("query").asText(), positives));
        }
        Map<String, String> passages = new LinkedHashMap<>();
        idByText.forEach((text, id) -> passages.put(id, text));
        return new RgbData(queries, passages, sha256(bytes));
    }

    private static String pool(Map<String, String> idByText, String text) {
        return idByText.computeIfAbsent(text, t -> "p" + (idByText.size() + 1));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
