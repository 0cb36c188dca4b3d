package org.ibvadvisor.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of a {@link PageMap}, as stored in the index: {@code {"starts":[0,1840,…],"labels":["i","1",…]}}
 * ({@code labels} left out when the document has none).
 */
public final class PageMapJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String STARTS = "starts";
    private static final String LABELS = "labels";

    private PageMapJson() {
    }

    public static String write(PageMap map) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode starts = root.putArray(STARTS);
        for (int start : map.starts()) starts.add(start);
        if (!map.labels().isEmpty()) {
            ArrayNode labels = root.putArray(LABELS);
            map.labels().forEach(labels::add);
        }
        return root.toString();
    }

    /** @throws IllegalArgumentException when the JSON is not a page map */
    public static PageMap read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("page map JSON is malformed: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.path(STARTS).isArray()) throw new IllegalArgumentException("page map JSON has no starts");
        JsonNode startsNode = root.get(STARTS);
        int[] starts = new int[startsNode.size()];
        for (int i = 0; i < starts.length; i++) starts[i] = startsNode.get(i).asInt();
        List<String> labels = new ArrayList<>();
        for (JsonNode label : root.path(LABELS)) labels.add(label.asText());
        return new PageMap(starts, labels);
    }
}
