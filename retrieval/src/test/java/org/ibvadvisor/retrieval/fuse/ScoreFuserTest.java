package org.ibvadvisor.retrieval.fuse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ibvadvisor.index.ScoredChunk;
import org.junit.jupiter.api.Test;

class ScoreFuserTest {
    private static ScoredChunk hit(String id, double score) {
        return new ScoredChunk(ReciprocalRankFuserTest.chunk(id), (float) score);
    }

    @Test
    void scores_are_scaled_between_the_lowest_and_best_returned_and_summed_with_weights() {
        Map<String, List<ScoredChunk>> rankings = new LinkedHashMap<>();
        rankings.put("bm25", List.of(hit("a", 20), hit("b", 15), hit("c", 10)));   // a 1, b 0.5, c 0
        rankings.put("dense", List.of(hit("c", 0.9), hit("b", 0.8), hit("a", 0.5))); // c 1, b 0.75, a 0
        List<Fused> fused = new ScoreFuser(Map.of("bm25", 1.0, "dense", 0.5), Map.of()).fuse(rankings);
        assertEquals(List.of("a", "b", "c"), ReciprocalRankFuserTest.ids(fused));
        assertEquals(1.0, fused.get(0).score(), 1e-6);
        assertEquals(0.5 + 0.5 * 0.75, fused.get(1).score(), 1e-6);
        assertEquals(0.5, fused.get(2).score(), 1e-6);
    }

    @Test
    void a_fixed_floor_replaces_the_lowest_returned_score_and_scores_below_it_count_zero() {
        Map<String, List<ScoredChunk>> rankings = Map.of("dense", List.of(hit("a", 0.8), hit("b", 0.6), hit("c", 0.3)));
        List<Fused> fused = new ScoreFuser(Map.of(), Map.of("dense", 0.4)).fuse(rankings);
        assertEquals(1.0, fused.get(0).score(), 1e-6);
        assertEquals(0.5, fused.get(1).score(), 1e-6);
        assertEquals(0.0, fused.get(2).score(), 1e-6);
    }

    @Test
    void a_single_hit_or_flat_ranking_scores_full_weight() {
        List<Fused> fused = new ScoreFuser(Map.of("bm25", 0.3), Map.of()).fuse(Map.of("bm25", List.of(hit("a", 7), hit("b", 7))));
        assertEquals(List.of(0.3, 0.3), fused.stream().map(Fused::score).toList());
    }
}
