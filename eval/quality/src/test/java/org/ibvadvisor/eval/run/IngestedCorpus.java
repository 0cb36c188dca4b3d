package org.ibvadvisor.eval.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ibvadvisor.chunk.StructureChunker;
import org.ibvadvisor.clean.PdfTextCleaner;
import org.ibvadvisor.corpus.CorpusReader;
import org.ibvadvisor.embed.EmbeddingModelSpec;
import org.ibvadvisor.embed.OnnxEmbedder;
import org.ibvadvisor.eval.questions.Question;
import org.ibvadvisor.eval.questions.QuestionSet;
import org.ibvadvisor.index.IndexSettings;
import org.ibvadvisor.ingest.IngestProgress;
import org.ibvadvisor.ingest.Ingestor;
import org.ibvadvisor.retrieval.Retrievers;
import org.ibvadvisor.retrieval.store.ChunkStore;
import org.ibvadvisor.retrieval.store.LuceneChunkStore;

/**
 * The bundled corpus ingested with the product's defaults into a fresh temporary index, with the real model, and
 * the retrievers over it; for the gate and the benchmark. Close it to release the model and the index.
 */
final class IngestedCorpus implements AutoCloseable {
    final OnnxEmbedder embedder;
    final ChunkStore index;
    final Retrievers retrievers;

    private IngestedCorpus(OnnxEmbedder embedder, ChunkStore index) {
        this.embedder = embedder;
        this.index = index;
        this.retrievers = new Retrievers(index, embedder);
    }

    /** An index already built with the default model, e.g. by {@code ./advisor ingest}. */
    static IngestedCorpus open(Path folder) {
        OnnxEmbedder embedder = new OnnxEmbedder(EmbeddingModelSpec.BGE_SMALL_ZH_Q);
        try {
            return new IngestedCorpus(embedder, LuceneChunkStore.open(folder, IndexSettings.forModel(embedder.modelId(), embedder.dimensions())));
        } catch (RuntimeException e) {
            embedder.close();
            throw e;
        }
    }

    static IngestedCorpus ingest() {
        OnnxEmbedder embedder = new OnnxEmbedder(EmbeddingModelSpec.BGE_SMALL_ZH_Q);
        try {
            Path folder = Files.createTempDirectory("eval-index");
            new Ingestor(CorpusReader.withDefaultReaders(), new PdfTextCleaner(), new StructureChunker(), embedder, 32)
                    .ingest(projectDir().resolve("corpus"), folder, true, IngestProgress.NONE);
            return new IngestedCorpus(embedder, LuceneChunkStore.open(folder, IndexSettings.forModel(embedder.modelId(), embedder.dimensions())));
        } catch (IOException e) {
            embedder.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            embedder.close();
            throw e;
        }
    }

    static List<Question> questions(QuestionSet.Split split) {
        return QuestionSet.read(projectDir().resolve("eval/questions/questions.jsonl"), split);
    }

    static Path projectDir() {
        String dir = System.getProperty("advisor.projectDir");
        return dir != null ? Path.of(dir) : Path.of("..");
    }

    @Override
    public void close() {
        index.close();
        embedder.close();
    }
}
