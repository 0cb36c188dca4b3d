package org.ibvadvisor.cli.wiring;

import java.util.ArrayDeque;
import java.util.Deque;
import org.ibvadvisor.llm.ollama.OllamaGenerator;
import org.ibvadvisor.answer.pipeline.AnswerPipeline;
import org.ibvadvisor.embed.Embedder;
import org.ibvadvisor.embed.EmbeddingModelSpec;
import org.ibvadvisor.embed.OnnxEmbedder;
import org.ibvadvisor.index.ChunkIndex;
import org.ibvadvisor.index.IndexSettings;
import org.ibvadvisor.ingest.IngestProgress;
import org.ibvadvisor.ingest.IngestSummary;
import org.ibvadvisor.ingest.Ingestor;
import org.ibvadvisor.retrieval.Retrievers;
import org.ibvadvisor.retrieval.Retriever;
import org.ibvadvisor.retrieval.store.ChunkStore;
import org.ibvadvisor.retrieval.store.LuceneChunkStore;

/**
 * The advisor without its HTTP face: embedder, index (built from the corpus when missing), retriever, LLM client
 * and answer pipeline. Used by the server and by {@code ./advisor ask} against the index directly.
 */
public final class AdvisorCore implements AutoCloseable {
    private final Deque<AutoCloseable> opened;
    private final Embedder embedder;
    private final ChunkStore index;
    private final Retriever retriever;
    private final OllamaGenerator generator;
    private final AnswerPipeline pipeline;
    private final IngestSummary ingested;

    private AdvisorCore(Deque<AutoCloseable> opened, Embedder embedder, ChunkStore index, Retriever retriever,
                        OllamaGenerator generator, AnswerPipeline pipeline, IngestSummary ingested) {
        this.opened = opened;
        this.embedder = embedder;
        this.index = index;
        this.retriever = retriever;
        this.generator = generator;
        this.pipeline = pipeline;
        this.ingested = ingested;
    }

    /** Opens everything; ingests the corpus first when {@code config.index()} holds no index. */
    public static AdvisorCore open(AdvisorConfig config, IngestProgress progress) {
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        try {
            EmbeddingModelSpec spec = EmbeddingModelSpec.byId(config.embeddingModel());
            // One session of the model for queries and passages alike: a second, for parallel passage runs, would cost
            // some 50 MB of resident memory for what a server embeds (a question, an answer's candidate sentences).
            int threads = Math.min(2, Runtime.getRuntime().availableProcessors());
            LoadingEmbedder embedder = remember(opened, new LoadingEmbedder(spec,
                    () -> new OnnxEmbedder(spec, threads, OnnxEmbedder.DEFAULT_BATCH_SIZE, 1)));
            IngestSummary ingested = ChunkIndex.exists(config.index()) ? null
                    : Ingestor.standard(embedder).ingest(config.corpus(), config.index(), false, progress);
            ChunkStore index = remember(opened, LuceneChunkStore.open(config.index(),
                    IndexSettings.forModel(embedder.modelId(), embedder.dimensions())));
            Retriever retriever = new Retrievers(index, embedder).hybrid();
            OllamaGenerator generator = remember(opened, new OllamaGenerator(config.ollama()));
            AnswerPipeline pipeline = AnswerPipeline.standard(retriever, generator, config.ollama().model(), embedder,
                    config.answers());
            embedder.loaded(); // a model that cannot load stops the start here
            return new AdvisorCore(opened, embedder, index, retriever, generator, pipeline, ingested);
        } catch (RuntimeException e) {
            closeAll(opened, e);
            throw e;
        }
    }

    public Embedder embedder() {
        return embedder;
    }

    public ChunkStore index() {
        return index;
    }

    public Retriever retriever() {
        return retriever;
    }

    public OllamaGenerator generator() {
        return generator;
    }

    public AnswerPipeline pipeline() {
        return pipeline;
    }

    /** What the opening ingest did, or {@code null} when the index already existed. */
    public IngestSummary ingested() {
        return ingested;
    }

    @Override
    public void close() {
        closeAll(opened, null);
    }

    static <T extends AutoCloseable> T remember(Deque<AutoCloseable> opened, T resource) {
        opened.push(resource);
        return resource;
    }

    static void closeAll(Deque<AutoCloseable> opened, RuntimeException failure) {
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                if (failure != null) failure.addSuppressed(e);
            }
        }
    }
}
