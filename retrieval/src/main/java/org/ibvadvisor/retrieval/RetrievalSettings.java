package org.ibvadvisor.retrieval;

import java.util.Map;
import java.util.Objects;
import org.ibvadvisor.retrieval.query.QueryPreparer.DenseText;
import org.ibvadvisor.retrieval.query.QueryPreparer.Translate;

/**
 * How a retriever searches. The refusal threshold that goes with the default confidence estimator is
 * {@link #REFUSAL_THRESHOLD}. {@link #defaults()} are the values tuned on the dev split of the question set
 * (see {@code eval/reports/experiments.md}).
 *
 * @param weights             signals used, by name ({@link Signals}), with their fusion weight
 * @param depth               chunks each signal returns for fusion
 * @param fusion              how the signals' rankings are fused
 * @param rrfK                the {@code k} of reciprocal-rank fusion
 * @param maxChunksPerPassage adjacent chunks of one report merged into one passage at most (1: no merging)
 * @param queryInstruction    whether the query is embedded with the model's retrieval instruction (off by default:
 *                            bge-small-zh-v1.5 ranks as well without it, and the instruction doubles the tokens a
 *                            short question costs to embed; {@code eval/reports/experiments.md} section 16)
 * @param translate           which queries get their English terms translated by the glossary
 * @param denseText           what a translated query embeds
 * @param dictionary          whether English words the curated glossary lacks are looked up in CC-CEDICT: capitalised
 *                            names in its names table ({@code Glossary.names()}), other words in the word fallback
 */
public record RetrievalSettings(Map<String, Double> weights, int depth, Fusion fusion, double rrfK,
                                int maxChunksPerPassage, boolean queryInstruction, Translate translate,
                                DenseText denseText, boolean dictionary) {

    /**
     * Confidence below which the answer pipeline should refuse, tuned on the dev split for the default hybrid and
     * its confidence estimator: the questions whose names the top passages lack in every written form score 0.36–0.62
     * (leave-one-out), twelve unanswerable and four answerable ones that ask by an acronym or figure the reports write
     * otherwise (UX 用户体验, 50% 一半); above 0.65 nearly every question is answerable (see
     * {@code eval/reports/experiments.md}, sections 10 and 17).
     */
    public static final double REFUSAL_THRESHOLD = 0.65;

    /** How rankings are fused. */
    public enum Fusion {
        /** weighted reciprocal-rank fusion */
        RRF,
        /** convex combination of max-normalised scores */
        SCORE
    }

    public RetrievalSettings {
        weights = Map.copyOf(weights);
        if (weights.isEmpty()) throw new IllegalArgumentException("at least one signal is needed");
        weights.keySet().forEach(Signals::requireKnown);
        if (depth < 1) throw new IllegalArgumentException("depth must be at least 1: " + depth);
        Objects.requireNonNull(fusion, "fusion");
        if (!(rrfK >= 0)) throw new IllegalArgumentException("rrfK must not be negative: " + rrfK);
        if (maxChunksPerPassage < 1) throw new IllegalArgumentException("maxChunksPerPassage must be at least 1: " + maxChunksPerPassage);
        Objects.requireNonNull(translate, "translate");
        Objects.requireNonNull(denseText, "denseText");
    }

    /** The tuned hybrid. */
    public static RetrievalSettings defaults() {
        return new RetrievalSettings(Map.of(Signals.SENTENCE, 1.0, Signals.BM25, 0.7, Signals.DENSE, 1.0, Signals.DENSE_SENTENCE, 1.0),
                40, Fusion.SCORE, 60, 2, false, Translate.ENGLISH, DenseText.TRANSLATION, true);
    }

    /** The same settings with only one signal (nothing to fuse). */
    public RetrievalSettings only(String signal) {
        return withWeights(Map.of(signal, 1.0));
    }

    public RetrievalSettings withWeights(Map<String, Double> newWeights) {
        return new RetrievalSettings(newWeights, depth, fusion, rrfK, maxChunksPerPassage, queryInstruction, translate, denseText, dictionary);
    }

    public RetrievalSettings withDepth(int newDepth) {
        return new RetrievalSettings(weights, newDepth, fusion, rrfK, maxChunksPerPassage, queryInstruction, translate, denseText, dictionary);
    }

    public RetrievalSettings withFusion(Fusion newFusion, double newRrfK) {
        return new RetrievalSettings(weights, depth, newFusion, newRrfK, maxChunksPerPassage, queryInstruction, translate, denseText, dictionary);
    }

    public RetrievalSettings withMaxChunksPerPassage(int newMax) {
        return new RetrievalSettings(weights, depth, fusion, rrfK, newMax, queryInstruction, translate, denseText, dictionary);
    }

    public RetrievalSettings withQueryInstruction(boolean on) {
        return new RetrievalSettings(weights, depth, fusion, rrfK, maxChunksPerPassage, on, translate, denseText, dictionary);
    }

    public RetrievalSettings withDictionary(boolean on) {
        return new RetrievalSettings(weights, depth, fusion, rrfK, maxChunksPerPassage, queryInstruction, translate, denseText, on);
    }

    public RetrievalSettings withTranslation(Translate newTranslate, DenseText newDenseText) {
        return new RetrievalSettings(weights, depth, fusion, rrfK, maxChunksPerPassage, queryInstruction, newTranslate, newDenseText, dictionary);
    }
}
