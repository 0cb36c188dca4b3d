package org.ibvadvisor.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;

/**
 * The index-level metadata kept in each Lucene commit's user data, so that it changes atomically with the
 * documents: settings and the content hash of every report.
 */
record CommitData(IndexSettings settings, Map<String, String> reportHashes) {
    private static final String SCHEMA = "advisor.schemaVersion";
    private static final String MODEL = "advisor.embeddingModel";
    private static final String DIMENSIONS = "advisor.dimensions";
    private static final String ANALYZER = "advisor.analyzer";
    private static final String REPORTS = "advisor.reportHashes";
    private static final ObjectMapper JSON = new ObjectMapper();

    CommitData {
        reportHashes = new TreeMap<>(reportHashes);
    }

    Map<String, String> toUserData() {
        try {
            return Map.of(
                    SCHEMA, Integer.toString(settings.schemaVersion()),
                    MODEL, settings.modelId(),
                    DIMENSIONS, Integer.toString(settings.dimensions()),
                    ANALYZER, settings.analyzer(),
                    REPORTS, JSON.writeValueAsString(reportHashes));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write report hashes", e);
        }
    }

    /** The commit data, or {@code null} when the user data was not written by this program. */
    static CommitData fromUserData(Map<String, String> userData) {
        if (!userData.containsKey(SCHEMA) || !userData.containsKey(MODEL) || !userData.containsKey(REPORTS)) return null;
        try {
            IndexSettings settings = new IndexSettings(Integer.parseInt(userData.get(SCHEMA)), userData.get(MODEL),
                    Integer.parseInt(userData.getOrDefault(DIMENSIONS, "0")), userData.getOrDefault(ANALYZER, "?"));
            return new CommitData(settings, JSON.readValue(userData.get(REPORTS), new TypeReference<Map<String, String>>() { }));
        } catch (IllegalArgumentException | JsonProcessingException e) {
            return null;
        }
    }
}
