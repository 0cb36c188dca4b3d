package org.ibvadvisor.retrieval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ibvadvisor.embed.Embedder;
import org.ibvadvisor.index.ScoredChunk;
import org.ibvadvisor.retrieval.catalog.ChunkCatalog;
import org.ibvadvisor.retrieval.confidence.ConfidenceEstimator;
import org.ibvadvisor.retrieval.fuse.Fused;
import org.ibvadvisor.retrieval.fuse.Fuser;
import org.ibvadvisor.retrieval.passage.PassageAssembler;
import org.ibvadvisor.retrieval.query.QueryPreparer;
import org.ibvadvisor.retrieval.query.QueryTexts;
import org.ibvadvisor.retrieval.signal.SearchQuery;
import org.ibvadvisor.retrieval.signal.Signal;

/**
 * The default {@link Retriever}: prepare the query (translate English terms) → embed it → rank chunks by each
 * signal → fuse the rankings → assemble passages (merging neighbours) → estimate confidence. With one signal it is
 * that signal's retriever alone (fusing one ranking keeps its order). Build one with {@link Retrievers}.
 */
public final class HybridRetriever implements Retriever {
    private final ChunkCatalog catalog;
    private final QueryPreparer preparer;
    private final Embedder embedder;
    private final boolean queryInstruction;
    private final List<Signal> signals;
    private final int depth;
    private final Fuser fuser;
    private final PassageAssembler assembler;
    private final ConfidenceEstimator confidence;
    private final boolean needsVector;

    /**
     * @param embedder         embeds the query; unused (may be null) when no signal needs a vector
     * @param queryInstruction embed with the model's retrieval instruction ({@link Embedder#embedQuery}) or as a passage
     * @param depth            chunks each signal returns for fusion
     */
    public HybridRetriever(ChunkCatalog catalog, QueryPreparer preparer, Embedder embedder, boolean queryInstruction,
                           List<Signal> signals, int depth, Fuser fuser, PassageAssembler assembler,
                           ConfidenceEstimator confidence) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.preparer = Objects.requireNonNull(preparer, "preparer");
        this.signals = List.copyOf(signals);
        if (this.signals.isEmpty()) throw new IllegalArgumentException("at least one signal is needed");
        this.needsVector = this.signals.stream().anyMatch(Signal::needsVector);
        if (needsVector) Objects.requireNonNull(embedder, "embedder");
        this.embedder = embedder;
        this.queryInstruction = queryInstruction;
        if (depth < 1) throw new IllegalArgumentException("depth must be at least 1: " + depth);
        this.depth = depth;
        this.fuser = Objects.requireNonNull(fuser, "fuser");
        this.assembler = Objects.requireNonNull(assembler, "assembler");
        this.confidence = Objects.requireNonNull(confidence, "confidence");
    }

    @Override
    public Retrieval retrieve(RetrievalRequest request) {
        long started = System.nanoTime();
        catalog.requireKnown(request.reports());
        QueryTexts texts = preparer.prepare(request.query());
        float[] vector = needsVector ? embed(texts.dense()) : null;
        long embedded = System.nanoTime();

        SearchQuery query = new SearchQuery(request.query(), texts.lexical(), vector);
        Map<String, List<ScoredChunk>> rankings = new LinkedHashMap<>();
        for (Signal signal : signals) rankings.put(signal.name(), signal.search(query, Math.max(depth, request.k()), request.reports()));
        List<Fused> fused = fuser.fuse(rankings);
        List<Passage> passages = assembler.assemble(fused, request.k());
        double sure = fused.isEmpty() ? 0 : confidence.estimate(query, rankings, fused);
        long finished = System.nanoTime();

        return new Retrieval(request.query(), passages, sure,
                new Retrieval.Timings(millis(embedded - started), millis(finished - embedded), millis(finished - started)));
    }

    private float[] embed(String text) {
        return queryInstruction ? embedder.embedQuery(text) : embedder.embedPassages(List.of(text)).getFirst();
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
