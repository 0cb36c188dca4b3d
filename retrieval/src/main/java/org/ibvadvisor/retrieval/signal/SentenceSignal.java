package org.ibvadvisor.retrieval.signal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.ibvadvisor.chunk.Chunk;
import org.ibvadvisor.index.ScoredChunk;
import org.ibvadvisor.retrieval.catalog.ChunkCatalog;
import org.ibvadvisor.text.SentenceSplitter;

/**
 * Scores a chunk by its best window of {@code window} consecutive sentences ({@link SentenceSplitter#CHUNK_LINES}): the share of the query's term weight
 * (inverse document frequency over chunks; terms as {@link Terms} makes them) found inside that window. Where BM25
 * rewards query words anywhere in a chunk, this rewards them together, in the sentences that state the fact.
 * Scores are 0..1 (1: every known query term in one window). Holds an inverted index of every chunk's windows in
 * memory; thread-safe.
 */
public final class SentenceSignal implements Signal {
    private final String name;
    private final Chunk[] chunks;
    private final int[] windowChunk;
    private final Map<String, int[]> postings;
    private final Map<String, Double> idf;

    public SentenceSignal(ChunkCatalog catalog, String name, int window) {
        Objects.requireNonNull(catalog, "catalog");
        this.name = Objects.requireNonNull(name, "name");
        if (window < 1) throw new IllegalArgumentException("window must be at least 1: " + window);
        List<Chunk> all = catalog.chunks();
        this.chunks = all.toArray(Chunk[]::new);
        List<Integer> owners = new ArrayList<>();
        Map<String, List<Integer>> lists = new HashMap<>();
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (int c = 0; c < chunks.length; c++) {
            List<Set<String>> sentences = sentences(chunks[c]);
            Set<String> inChunk = new HashSet<>();
            int windows = Math.max(1, sentences.size() - window + 1);
            for (int w = 0; w < windows; w++) {
                Set<String> terms = new HashSet<>();
                for (int s = w; s < Math.min(sentences.size(), w + window); s++) terms.addAll(sentences.get(s));
                int id = owners.size();
                owners.add(c);
                for (String term : terms) lists.computeIfAbsent(term, t -> new ArrayList<>()).add(id);
                inChunk.addAll(terms);
            }
            inChunk.forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
        }
        this.windowChunk = owners.stream().mapToInt(Integer::intValue).toArray();
        Map<String, int[]> built = new HashMap<>(lists.size() * 2);
        lists.forEach((term, ids) -> built.put(term, ids.stream().mapToInt(Integer::intValue).toArray()));
        this.postings = Map.copyOf(built);
        int n = Math.max(1, chunks.length);
        Map<String, Double> weights = new HashMap<>(documentFrequency.size() * 2);
        documentFrequency.forEach((term, df) -> weights.put(term, Math.log(1 + (n - df + 0.5) / (df + 0.5))));
        this.idf = Map.copyOf(weights);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<ScoredChunk> search(SearchQuery query, int depth, Set<String> reports) {
        Map<String, Double> weighted = new LinkedHashMap<>();
        double total = 0;
        for (String term : Terms.of(query.lexicalText())) {
            Double weight = idf.get(term);
            if (weight == null || weighted.containsKey(term)) continue;
            weighted.put(term, weight);
            total += weight;
        }
        if (total == 0) return List.of();
        float[] windowScore = new float[windowChunk.length];
        for (Map.Entry<String, Double> term : weighted.entrySet()) {
            float weight = (float) (term.getValue() / total);
            for (int id : postings.get(term.getKey())) windowScore[id] += weight;
        }
        float[] chunkScore = new float[chunks.length];
        for (int id = 0; id < windowScore.length; id++) {
            int c = windowChunk[id];
            if (windowScore[id] > chunkScore[c]) chunkScore[c] = windowScore[id];
        }
        return top(chunkScore, depth, reports);
    }

    private List<ScoredChunk> top(float[] chunkScore, int depth, Set<String> reports) {
        List<ScoredChunk> found = new ArrayList<>();
        for (int c = 0; c < chunks.length; c++) {
            if (chunkScore[c] <= 0) continue;
            if (!reports.isEmpty() && !reports.contains(chunks[c].reportId())) continue;
            found.add(new ScoredChunk(chunks[c], chunkScore[c]));
        }
        found.sort((a, b) -> a.score() != b.score() ? Float.compare(b.score(), a.score()) : a.chunk().id().compareTo(b.chunk().id()));
        return found.size() > depth ? List.copyOf(found.subList(0, depth)) : found;
    }

    private static List<Set<String>> sentences(Chunk chunk) {
        List<Set<String>> sentences = new ArrayList<>();
        for (String sentence : SentenceSplitter.CHUNK_LINES.texts(chunk.cleanText())) {
            List<String> terms = Terms.of(sentence);
            if (!terms.isEmpty()) sentences.add(new HashSet<>(terms));
        }
        return sentences;
    }
}
