package org.ibvadvisor.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ibvadvisor.embed.Embedder;
import org.ibvadvisor.index.LexicalField;
import org.ibvadvisor.retrieval.catalog.ChunkCatalog;
import org.ibvadvisor.retrieval.confidence.ConfidenceEstimator;
import org.ibvadvisor.retrieval.confidence.SignalConfidence;
import org.ibvadvisor.retrieval.fuse.Fuser;
import org.ibvadvisor.retrieval.fuse.ReciprocalRankFuser;
import org.ibvadvisor.retrieval.fuse.ScoreFuser;
import org.ibvadvisor.retrieval.passage.PassageAssembler;
import org.ibvadvisor.retrieval.query.Glossary;
import org.ibvadvisor.retrieval.query.GlossaryTranslator;
import org.ibvadvisor.retrieval.query.QueryPreparer;
import org.ibvadvisor.retrieval.signal.DenseSignal;
import org.ibvadvisor.retrieval.signal.LexicalSignal;
import org.ibvadvisor.retrieval.signal.SentenceSignal;
import org.ibvadvisor.retrieval.signal.Signal;
import org.ibvadvisor.retrieval.store.ChunkStore;

/**
 * Builds retrievers over one open chunk store: the tuned hybrid that {@code /api/retrieve} serves, and the single-signal
 * ones it is compared with. One factory per state of the store: its catalog (every report and chunk, in memory) is
 * loaded once and shared by the retrievers it builds; after {@link ChunkStore#refresh()} finds a newer state, build a
 * new factory.
 */
public final class Retrievers {
    /** Names accepted by {@link #byName}. */
    public static final List<String> NAMES = List.of("bm25", "bigram", "dense", "sentence", "dense-sentence", "hybrid");

    private final ChunkStore store;
    private final Embedder embedder;
    private final ChunkCatalog catalog;
    private final Glossary glossary;
    private final Glossary dictionary;
    private final ConfidenceEstimator confidence;
    private final int sentenceWindow = Integer.getInteger("advisor.sentenceWindow", 2);

    /** @param embedder the model the index was built with */
    public Retrievers(ChunkStore store, Embedder embedder) {
        this.store = Objects.requireNonNull(store, "store");
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.catalog = ChunkCatalog.load(store);
        this.glossary = Glossary.bundled();
        this.dictionary = Glossary.dictionary();
        this.confidence = SignalConfidence.tuned(catalog);
    }

    public ChunkCatalog catalog() {
        return catalog;
    }

    /** The tuned hybrid. */
    public Retriever hybrid() {
        return build(RetrievalSettings.defaults());
    }

    /**
     * {@code bm25} (SmartChinese words), {@code bigram} (CJK character pairs), {@code dense}, {@code sentence} (query
     * terms within two sentences), {@code dense-sentence} (the nearest sentence's vector), each that signal's ranking
     * alone, or {@code hybrid} (all of them fused, as {@link #hybrid()}).
     */
    public Retriever byName(String name) {
        return switch (name) {
            case "hybrid" -> hybrid();
            case "bm25", "bigram", "dense", "sentence", "dense-sentence" -> build(RetrievalSettings.defaults().only(name));
            default -> throw new IllegalArgumentException("unknown retriever '" + name + "'; known: " + String.join(", ", NAMES));
        };
    }

    /** A retriever with these settings and the default confidence estimator. */
    public Retriever build(RetrievalSettings settings) {
        return build(settings, confidence);
    }

    public Retriever build(RetrievalSettings settings, ConfidenceEstimator confidence) {
        List<Signal> signals = new ArrayList<>();
        for (String name : Signals.ALL) {
            if (settings.weights().containsKey(name)) signals.add(signal(name));
        }
        GlossaryTranslator translator = settings.dictionary()
                ? GlossaryTranslator.withNames(glossary, Glossary.names(), List.of(dictionary))
                : new GlossaryTranslator(glossary);
        QueryPreparer preparer = new QueryPreparer(translator, settings.translate(), settings.denseText());
        return new HybridRetriever(catalog, preparer, embedder, settings.queryInstruction(), signals, settings.depth(),
                fuser(settings), new PassageAssembler(catalog, settings.maxChunksPerPassage()), confidence);
    }

    /** The estimator the tuned hybrid uses, over this store's chunks. */
    public ConfidenceEstimator confidence() {
        return confidence;
    }

    private Signal signal(String name) {
        return switch (name) {
            case Signals.BM25 -> new LexicalSignal(store, catalog, LexicalField.SMARTCN, name);
            case Signals.BIGRAM -> new LexicalSignal(store, catalog, LexicalField.BIGRAM, name);
            case Signals.DENSE -> new DenseSignal(store, catalog, name);
            case Signals.SENTENCE -> new SentenceSignal(catalog, name, sentenceWindow);
            case Signals.DENSE_SENTENCE -> DenseSignal.overSentences(store, catalog, name);
            default -> throw new IllegalArgumentException("unknown signal " + name);
        };
    }

    private static Fuser fuser(RetrievalSettings settings) {
        return switch (settings.fusion()) {
            case RRF -> new ReciprocalRankFuser(settings.rrfK(), settings.weights());
            case SCORE -> new ScoreFuser(settings.weights(), Map.of());
        };
    }
}
