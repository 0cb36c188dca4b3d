package org.ibvadvisor.answer.fakes;

import java.util.List;
import java.util.Map;
import org.ibvadvisor.answer.text.Bigrams;
import org.ibvadvisor.embed.Embedder;

/**
 * TEST FAKE, not a model: embeds text as hashed character-bigram counts (L2-normalised), so that texts sharing
 * words are similar. Deterministic and instant; stands in for the ONNX embedder in answer tests. Queries and
 * passages are embedded alike.
 */
public final class BigramHashEmbedder implements Embedder {

    public static final int DIMENSIONS = 1024;

    @Override
    public List<float[]> embedPassages(List<String> texts) {
        return texts.stream().map(BigramHashEmbedder::vector).toList();
    }

    @Override
    public float[] embedQuery(String query) {
        return vector(query);
    }

    @Override
    public String modelId() {
        return "test-fake-bigram-hash-" + DIMENSIONS;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public void close() {
    }

    static float[] vector(String text) {
        float[] v = new float[DIMENSIONS];
        for (Map.Entry<String, Integer> e : Bigrams.of(text).entrySet()) {
            v[Math.floorMod(e.getKey().hashCode() * 0x9E3779B1, DIMENSIONS)] += e.getValue();
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm > 0) {
            float scale = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < v.length; i++) {
                v[i] *= scale;
            }
        }
        return v;
    }
}
