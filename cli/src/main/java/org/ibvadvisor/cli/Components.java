package org.ibvadvisor.cli;

import org.ibvadvisor.embed.Embedder;
import org.ibvadvisor.embed.EmbeddingModelSpec;
import org.ibvadvisor.embed.OnnxEmbedder;
import org.ibvadvisor.ingest.Ingestor;

/** The default embedding model, and the embedder and ingestor the ingest, eval and bench commands build from it. */
public final class Components {
    public static final String DEFAULT_EMBEDDING_MODEL = EmbeddingModelSpec.BGE_SMALL_ZH_Q.id();

    private Components() {}

    public static Embedder embedder(String modelId) {
        return new OnnxEmbedder(EmbeddingModelSpec.byId(modelId));
    }

    public static Ingestor ingestor(Embedder embedder) {
        return Ingestor.standard(embedder);
    }
}
