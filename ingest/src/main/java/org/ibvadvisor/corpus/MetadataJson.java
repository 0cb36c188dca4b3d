package org.ibvadvisor.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON form of {@link ReportMetadata}, as in {@code <stem>.meta.json} files and in the index.
 * Writing is canonical (fields sorted by name, no whitespace), so equal metadata gives equal bytes.
 */
public final class MetadataJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .build();

    private MetadataJson() {
    }

    /** Canonical JSON of the metadata. */
    public static String write(ReportMetadata metadata) {
        try {
            return MAPPER.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write metadata of " + metadata.id(), e);
        }
    }

    /**
     * Parses metadata JSON; unknown fields are ignored.
     *
     * @throws IllegalArgumentException when the JSON is malformed or a field is invalid (e.g. a bad id)
     */
    public static ReportMetadata read(String json) {
        try {
            ReportMetadata metadata = MAPPER.readValue(json, ReportMetadata.class);
            if (metadata == null) throw new IllegalArgumentException("metadata JSON is null");
            return metadata;
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException || e.getCause() instanceof NullPointerException
                    ? e.getCause() : e;
            throw new IllegalArgumentException(cause == e ? e.getOriginalMessage() : cause.getMessage(), e);
        }
    }
}
