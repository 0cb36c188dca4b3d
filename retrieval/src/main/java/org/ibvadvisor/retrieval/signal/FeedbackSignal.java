package org.ibvadvisor.retrieval.signal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ibvadvisor.chunk.Chunk;
import org.ibvadvisor.index.ChunkHit;
import org.ibvadvisor.index.ChunkIndex;
import org.ibvadvisor.index.ContextualText;
import org.ibvadvisor.index.LexicalField;
import org.ibvadvisor.index.ScoredChunk;
import org.ibvadvisor.retrieval.catalog.ChunkCatalog;

/**
 * BM25 with pseudo-relevance feedback: searches the query, takes the best {@code feedbackChunks} chunks as relevant,
 * adds the {@code expansionTerms} terms that weigh most in them (share of the chunk's terms × inverse document
 * frequency, summed over those chunks; query terms excluded) with boosts up to {@code expansionWeight}, and searches
 * again. Thread-safe; each chunk's terms are analysed once and kept.
 */
public final class FeedbackSignal implements Signal {
    private final ChunkIndex index;
    private final ChunkCatalog catalog;
    private final LexicalField field;
    private final String name;
    private final int feedbackChunks;
    private final int expansionTerms;
    private final float expansionWeight;
    private final Map<String, Map<String, Integer>> termCounts = new ConcurrentHashMap<>();

    public FeedbackSignal(ChunkIndex index, ChunkCatalog catalog, LexicalField field, String name, int feedbackChunks,
                          int expansionTerms, float expansionWeight) {
        this.index = Objects.requireNonNull(index, "index");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.field = Objects.requireNonNull(field, "field");
        this.name = Objects.requireNonNull(name, "name");
        if (feedbackChunks < 1) throw new IllegalArgumentException("feedbackChunks must be at least 1: " + feedbackChunks);
        if (expansionTerms < 0) throw new IllegalArgumentException("expansionTerms must not be negative: " + expansionTerms);
        if (!(expansionWeight > 0)) throw new IllegalArgumentException("expansionWeight must be positive: " + expansionWeight);
        this.feedbackChunks = feedbackChunks;
        this.expansionTerms = expansionTerms;
        this.expansionWeight = expansionWeight;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<ScoredChunk> search(SearchQuery query, int depth, Set<String> reports) {
        List<String> queryTerms = ChunkIndex.terms(field, query.lexicalText());
        if (queryTerms.isEmpty()) return List.of();
        Map<String, Float> boosts = new LinkedHashMap<>();
        queryTerms.forEach(term -> boosts.put(term, 1f));
        List<ChunkHit> first = index.searchTextIds(field, query.lexicalText(), feedbackChunks, reports);
        Map<String, Double> weight = new HashMap<>();
        for (ScoredChunk hit : catalog.resolve(first)) {
            Map<String, Integer> counts = termCounts.computeIfAbsent(hit.chunk().id(), id -> count(hit.chunk()));
            double length = counts.values().stream().mapToInt(Integer::intValue).sum();
            counts.forEach((term, count) -> {
                if (!boosts.containsKey(term)) weight.merge(term, count / length, Double::sum);
            });
        }
        int chunks = Math.max(1, index.info().chunkCount());
        List<Map.Entry<String, Double>> candidates = new ArrayList<>();
        weight.forEach((term, share) -> {
            int df = index.documentFrequency(field, term);
            candidates.add(Map.entry(term, share * Math.log(1 + (chunks - df + 0.5) / (df + 0.5))));
        });
        candidates.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        if (!candidates.isEmpty()) {
            double best = candidates.getFirst().getValue();
            for (Map.Entry<String, Double> term : candidates.subList(0, Math.min(expansionTerms, candidates.size()))) {
                if (term.getValue() > 0) boosts.put(term.getKey(), (float) (expansionWeight * term.getValue() / best));
            }
        }
        return catalog.resolve(index.searchTermsIds(field, boosts, depth, reports));
    }

    private Map<String, Integer> count(Chunk chunk) {
        Map<String, Integer> counts = new HashMap<>();
        for (String token : ChunkIndex.tokens(field, ContextualText.of(chunk))) counts.merge(token, 1, Integer::sum);
        return counts;
    }
}
