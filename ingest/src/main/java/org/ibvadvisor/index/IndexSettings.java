package org.ibvadvisor.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ibvadvisor.embed.Embedder;

/**
 * What an index was built with; an index is only read or extended with the same settings.
 *
 * @param schemaVersion layout of the documents ({@link #SCHEMA_VERSION} for this build)
 * @param modelId       embedding model of the vectors, e.g. {@code bge-small-zh-v1.5-q}
 * @param dimensions    vector length
 * @param analyzer      id of the lexical analysers
 */
public record IndexSettings(int schemaVersion, String modelId, int dimensions, String analyzer) {
    /** The document layout written by this build (2: sentence vectors beside the chunks'). */
    public static final int SCHEMA_VERSION = 2;

    public IndexSettings {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(analyzer, "analyzer");
        if (dimensions <= 0) throw new IllegalArgumentException("dimensions must be positive: " + dimensions);
    }

    /** Settings of this build for vectors of the given model. */
    public static IndexSettings forModel(String modelId, int dimensions) {
        return new IndexSettings(SCHEMA_VERSION, modelId, dimensions, Analyzers.ID);
    }

    /** Settings of this build for the vectors of {@code embedder}. */
    public static IndexSettings forEmbedder(Embedder embedder) {
        return forModel(embedder.modelId(), embedder.dimensions());
    }

    /** The differences from {@code other}, one phrase each, e.g. {@code embedding model bge-small-zh-v1.5 (index) vs bge-small-zh-v1.5-q (now)}. */
    List<String> differencesFrom(IndexSettings other) {
        List<String> differences = new ArrayList<>();
        if (schemaVersion != other.schemaVersion) {
            differences.add("schema version " + other.schemaVersion + " (index) vs " + schemaVersion + " (now)");
        }
        if (!modelId.equals(other.modelId)) {
            differences.add("embedding model " + other.modelId + " (index) vs " + modelId + " (now)");
        }
        if (dimensions != other.dimensions) {
            differences.add("vector dimensions " + other.dimensions + " (index) vs " + dimensions + " (now)");
        }
        if (!analyzer.equals(other.analyzer)) {
            differences.add("analyser " + other.analyzer + " (index) vs " + analyzer + " (now)");
        }
        return differences;
    }
}
