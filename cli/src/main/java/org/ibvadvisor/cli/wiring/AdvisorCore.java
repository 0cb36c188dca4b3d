package org.ibvadvisor.cli.wiring;

import org.ibvadvisor.answer.pipeline.AnswerPipeline;
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
    private final Opened opened;
    private final ChunkStore index;
    private final Retriever retriever;
    private final Llm llm;
    private final AnswerPipeline pipeline;
    private final IngestSummary ingested;

    private AdvisorCore(Opened opened, ChunkStore index, Retriever retriever, Llm llm, AnswerPipeline pipeline,
                        IngestSummary ingested) {
        this.opened = opened;
        this.index = index;
        this.retriever = retriever;
        this.llm = llm;
        this.pipeline = pipeline;
        this.ingested = ingested;
    }

    /** Opens everything; ingests the corpus first when {@code config.index()} holds no index. */
    public static AdvisorCore open(AdvisorConfig config, IngestProgress progress) {
        Opened opened = new Opened();
        try {
            EmbeddingModelSpec spec = EmbeddingModelSpec.byId(config.embeddingModel());
            // One session of the model for queries and passages alike: a second, for parallel passage runs, would cost
            // some 50 MB of resident memory for what a server embeds (a question, an answer's candidate sentences).
            int threads = Math.min(2, Runtime.getRuntime().availableProcessors());
            LoadingEmbedder embedder = opened.add(new LoadingEmbedder(spec,
                    () -> new OnnxEmbedder(spec, threads, OnnxEmbedder.DEFAULT_BATCH_SIZE, 1)));
            IngestSummary ingested = ChunkIndex.exists(config.index()) ? null
                    : Ingestor.standard(embedder).ingest(config.corpus(), config.index(), false, progress);
            ChunkStore index = opened.add(LuceneChunkStore.open(config.index(),
                    IndexSettings.forModel(embedder.modelId(), embedder.dimensions())));
            Retriever retriever = new Retrievers(index, embedder).hybrid();
            Llm llm = opened.add(Llm.open(config.llm()));
            AnswerPipeline pipeline = AnswerPipeline.standard(retriever, llm.generator(), llm.model(), embedder,
                    config.answers());
            embedder.loaded(); // a model that cannot load stops the start here
            return new AdvisorCore(opened, index, retriever, llm, pipeline, ingested);
        } catch (RuntimeException e) {
            throw opened.closeAfter(e);
        }
    }

    public ChunkStore index() {
        return index;
    }

    public Retriever retriever() {
        return retriever;
    }

    /** The LLM: its generator, model, health and (for a pool) each backend's state. */
    public Llm llm() {
        return llm;
    }

    public AnswerPipeline pipeline() {
        return pipeline;
    }

    /** What the opening ingest did, or {@code null} when the index already existed. */
    public IngestSummary ingested() {
        return ingested;
    }

    /** Closes what it opened, in reverse order. */
    @Override
    public void close() {
        opened.close();
    }
}
