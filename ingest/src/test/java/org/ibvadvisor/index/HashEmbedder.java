package org.ibvadvisor.index;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.ibvadvisor.embed.Embedder;

/** Test fake: a deterministic unit vector per distinct text, counting how many texts it embedded. */
final class HashEmbedder implements Embedder {
    final AtomicInteger embedded = new AtomicInteger();
    private final String modelId;
    private final int dimensions;

    HashEmbedder(String modelId, int dimensions) {
        this.modelId = modelId;
        this.dimensions = dimensions;
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
        embedded.addAndGet(texts.size());
        return texts.stream().map(this::vector).toList();
    }

    @Override
    public float[] embedQuery(String query) {
        return vector(query);
    }

    float[] vector(String text) {
        return unit(new Random(text.hashCode()), dimensions);
    }

    static float[] unit(Random random, int dimensions) {
        float[] v = new float[dimensions];
        double sum = 0;
        for (int i = 0; i < dimensions; i++) {
            v[i] = (float) random.nextGaussian();
            sum += v[i] * v[i];
        }
        float norm = (float) Math.sqrt(sum);
        for (int i = 0; i < dimensions; i++) v[i] /= norm;
        return v;
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    @Override
    public void close() {
    }
}
