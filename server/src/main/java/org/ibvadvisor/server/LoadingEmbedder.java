package org.ibvadvisor.server;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.ibvadvisor.embed.Embedder;
import org.ibvadvisor.embed.EmbeddingModelSpec;

/**
 * An embedder whose model loads on a thread of its own (about half a second) while the advisor opens its index and
 * reads its dictionaries; the first call waits for it. Its name and size are known from the spec at once.
 */
final class LoadingEmbedder implements Embedder {
    private final EmbeddingModelSpec spec;
    private final CompletableFuture<Embedder> loading;

    LoadingEmbedder(EmbeddingModelSpec spec, Supplier<? extends Embedder> load) {
        this.spec = spec;
        this.loading = new CompletableFuture<>();
        Thread loader = new Thread(() -> {
            try {
                loading.complete(load.get());
            } catch (Throwable failure) {
                loading.completeExceptionally(failure);
            }
        }, "embedder-load");
        loader.setDaemon(true);
        loader.start();
    }

    /** The loaded embedder; throws what loading it threw. */
    Embedder loaded() {
        try {
            return loading.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) throw failure;
            if (e.getCause() instanceof Error error) throw error;
            throw e;
        }
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
        Embedder embedder;
        try {
            embedder = loading.join();
        } catch (CompletionException failed) {
            return;
        }
        embedder.close();
    }
}
