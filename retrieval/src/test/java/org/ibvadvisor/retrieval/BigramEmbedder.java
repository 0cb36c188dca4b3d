package org.ibvadvisor.retrieval;

import java.util.List;
import org.ibvadvisor.embed.Embedder;

/**
 * Test stand-in for the ONNX model: hashes a text's character pairs into a small unit vector, so texts sharing
 * words are near each other. Deterministic and instant.
 */
public final class BigramEmbedder implements Embedder {
    public static final int DIMENSIONS = 64;

    @Override
    public List<float[]> embedPassages(List<String> texts) {
        return texts.stream().map(BigramEmbedder::vector).toList();
    }

    @Override
    public float[] embedQuery(String query) {
        return vector(query);
    }

    static float[] vector(String text) {
        float[] v = new float[DIMENSIONS];
        String s = text.replaceAll("\\s+", "");
        for (int i = 0; i + 1 < s.length(); i++) v[Math.floorMod(s.substring(i, i + 2).hashCode(), DIMENSIONS)] += 1;
        v[0] += 0.01f; // never the zero vector
        double norm = 0;
        for (float x : v) norm += x * x;
        for (int i = 0; i < v.length; i++) v[i] /= (float) Math.sqrt(norm);
        return v;
    }

    @Override
    public String modelId() {
        return "test-bigram-hash";
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public void close() {
    }
}
