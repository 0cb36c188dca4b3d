package org.ibvadvisor.retrieval.fuse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ibvadvisor.chunk.Chunk;
import org.ibvadvisor.index.ScoredChunk;

/** Gathers the signals' hits per chunk while a fuser adds up its score; shared by the fusers. */
final class HitsByChunk {
    private final Map<String, Entry> byChunk = new LinkedHashMap<>();

    void add(String signal, int rank, ScoredChunk hit, double contribution) {
        Entry entry = byChunk.computeIfAbsent(hit.chunk().id(), id -> new Entry(hit.chunk()));
        if (entry.ranks.putIfAbsent(signal, rank) != null) return; // a repeated chunk counts once per signal
        entry.scores.put(signal, (double) hit.score());
        entry.score += contribution;
    }

    List<Fused> ranked() {
        List<Fused> fused = new ArrayList<>(byChunk.size());
        for (Entry entry : byChunk.values()) fused.add(new Fused(entry.chunk, entry.score, entry.ranks, entry.scores));
        fused.sort(ORDER);
        return fused;
    }

    static final Comparator<Fused> ORDER = Comparator.comparingDouble(Fused::score).reversed()
            .thenComparingInt(Fused::bestRank)
            .thenComparing(f -> f.chunk().id());

    private static final class Entry {
        final Chunk chunk;
        final Map<String, Integer> ranks = new HashMap<>(4);
        final Map<String, Double> scores = new HashMap<>(4);
        double score;

        Entry(Chunk chunk) {
            this.chunk = chunk;
        }
    }
}
