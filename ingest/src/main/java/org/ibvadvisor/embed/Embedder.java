package org.ibvadvisor.embed;

import java.util.List;

/**
 * Embeds text into unit-length vectors. Implementations must be safe to call from several threads.
 */
public interface Embedder extends AutoCloseable {
    /** Embeds passages (documents) in one batch; the result has one vector per input, in order. */
    List<float[]> embedPassages(List<String> texts);

    /** Embeds a search query (with the model's query instruction, if it has one). */
    float[] embedQuery(String query);

    /** Identifies the model, e.g. {@code bge-small-zh-v1.5-q}; stored in the index to refuse mismatches. */
    String modelId();

    /** Vector dimensions. */
    int dimensions();

    @Override
    void close();
}
