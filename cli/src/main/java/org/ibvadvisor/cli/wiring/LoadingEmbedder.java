package org.ibvadvisor.cli.wiring;

import java.util.List;
import java.util.function.Supplier;
import org.ibvadvisor.embed.Embedder;
import org.ibvadvisor.embed.EmbeddingModelSpec;

/**
 * An embedder whose model loads on a thread of its own (about half a second) while the advisor opens its index and
 * reads its dictionaries; the first call waits for it. Its name and size are known from the spec at once.
 */
final class LoadingEmbedder implements Embedder {
    private final EmbeddingModelSpec spec;
    private final Background<Embedder> loading;

    LoadingEmbedder(EmbeddingModelSpec spec, Supplier<? extends Embedder> load) {
        this.spec = spec;
        this.loading = Background.start("embedder-load", load);
    }

    /** The loaded embedder; throws what loading it threw. */
    Embedder loaded() {
        return loading.get();
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
        return loaded().embedPassages(texts);
    }

    @Override
    public float[] embedQuery(String query) {
        return loaded().embedQuery(query);
    }

    @Override
    public String modelId() {
        return spec.id();
    }

    @Override
    public int dimensions() {
        return spec.dimensions();
    }

    /** Closes the embedder once it has loaded; a load that failed has nothing to close. */
    @Override
    public void close() {
        Embedder embedder = loading.getOrNull();
        if (embedder != null) embedder.close();
    }
}
