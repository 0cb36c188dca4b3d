package org.ibvadvisor.eval.bench;

import java.nio.file.Path;
import org.ibvadvisor.embed.Embedder;
import org.ibvadvisor.embed.EmbeddingModelSpec;
import org.ibvadvisor.embed.OnnxEmbedder;
import org.ibvadvisor.index.ChunkIndex;
import org.ibvadvisor.ingest.IngestProgress;
import org.ibvadvisor.ingest.Ingestor;

/** The index a benchmark serves, built from the corpus first when it is missing. */
final class BenchIndex {
    private BenchIndex() {
    }

    static Path ensure(Path corpus, Path index, String embeddingModel) {
        if (ChunkIndex.exists(index)) return index;
        try (Embedder embedder = new OnnxEmbedder(EmbeddingModelSpec.byId(embeddingModel))) {
            Ingestor.standard(embedder).ingest(corpus, index, false, IngestProgress.NONE);
        }
        return index;
    }
}
