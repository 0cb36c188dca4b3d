package org.ibvadvisor.eval.bench;

import java.util.Objects;
import org.ibvadvisor.embed.Embedder;

/**
 * Base of the benchmarks' embedders that wrap a real one to watch or cache its passage calls: queries, model id and
 * dimensions are the wrapped embedder's; closing leaves it open (its owner closes it).
 */
abstract class PassageEmbedderWrapper implements Embedder {
    protected final Embedder delegate;

    PassageEmbedderWrapper(Embedder delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public float[] embedQuery(String query) {
        return delegate.embedQuery(query);
    }

    @Override
    public String modelId() {
        return delegate.modelId();
    }

    @Override
    public int dimensions() {
        return delegate.dimensions();
    }

    @Override
    public void close() {
        // the delegate belongs to the caller
    }
}
