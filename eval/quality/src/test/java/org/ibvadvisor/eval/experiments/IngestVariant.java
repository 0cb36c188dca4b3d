package org.ibvadvisor.eval.experiments;

import java.nio.file.Path;
import org.ibvadvisor.chunk.ChunkerOptions;
import org.ibvadvisor.chunk.StructureChunker;
import org.ibvadvisor.clean.PdfTextCleaner;
import org.ibvadvisor.corpus.CorpusReader;
import org.ibvadvisor.embed.EmbeddingModelSpec;
import org.ibvadvisor.embed.OnnxEmbedder;
import org.ibvadvisor.ingest.IngestProgress;
import org.ibvadvisor.ingest.Ingestor;

/** Ingests the corpus into a scratch index with other chunk sizes or model: {@code <corpus> <index> <model> <target> <max> <min>}. */
public final class IngestVariant {
    public static void main(String[] args) {
        try (OnnxEmbedder embedder = new OnnxEmbedder(EmbeddingModelSpec.byId(args[2]))) {
            ChunkerOptions options = new ChunkerOptions(Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            var summary = new Ingestor(CorpusReader.withDefaultReaders(), new PdfTextCleaner(), new StructureChunker(options), embedder, 32)
                    .ingest(Path.of(args[0]), Path.of(args[1]), true, IngestProgress.NONE);
            System.out.println("chunks " + summary.chunksInIndex() + " in " + summary.elapsed());
        }
    }
}
