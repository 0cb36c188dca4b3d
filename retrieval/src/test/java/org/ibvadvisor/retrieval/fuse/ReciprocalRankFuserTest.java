package org.ibvadvisor.retrieval.fuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ibvadvisor.chunk.Chunk;
import org.ibvadvisor.index.ScoredChunk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReciprocalRankFuserTest {

    static Chunk chunk(String id) {
        return new Chunk("r#" + id, "r", List.of(), Math.abs(id.hashCode() % 1000), "x", "x", 0, 1);
    }

    /** "a b c" → a ranking of those chunk ids with descending dummy scores. */
    static List<ScoredChunk> ranking(String ids) {
        List<ScoredChunk> hits = new ArrayList<>();
        if (ids.isBlank()) return hits;
        String[] parts = ids.split(" ");
        for (int i = 0; i < parts.length; i++) hits.add(new ScoredChunk(chunk(parts[i]), parts.length - i));
        return hits;
    }

    static List<String> ids(List<Fused> fused) {
        return fused.stream().map(f -> f.chunk().id().substring(2)).toList();
    }

    static Stream<Arguments> table() {
        return Stream.of(
                // k, bm25 weight, dense weight, bm25 ranking, dense ranking, expected order
                Arguments.of(60, 1.0, 1.0, "a b c", "a b c", "a b c"),
                Arguments.of(60, 1.0, 1.0, "a b", "b a", "a b"),          // tie: equal best rank 1, then id
                Arguments.of(60, 1.0, 1.0, "a b c", "b", "b a c"),          // found by both beats found by one
                Arguments.of(60, 2.0, 1.0, "a b", "b a", "a b"),            // heavier bm25 decides
                Arguments.of(60, 1.0, 2.0, "a b", "b a", "b a"),            // heavier dense decides
                Arguments.of(60, 1.0, 0.0, "a b", "c", "a b c"),            // weight 0 still lists the chunk, last
                Arguments.of(60, 1.0, 1.0, "p q", "r s q", "q p r s"),      // k 60: ranks 2 and 3 beat a lone rank 1
                Arguments.of(0, 1.0, 1.0, "p q", "r s q", "p r q s"),       // k 0: a lone rank 1 beats 1/2 + 1/3
                Arguments.of(60, 1.0, 1.0, "", "x y", "x y"));              // an empty signal changes nothing
    }

    @ParameterizedTest(name = "k={0} w={1}/{2}: [{3}] + [{4}] → [{5}]")
    @MethodSource("table")
    void fuses_rankings_by_weighted_reciprocal_rank(double k, double bm25, double dense, String first, String second, String expected) {
        Map<String, List<ScoredChunk>> rankings = new LinkedHashMap<>();
        rankings.put("bm25", ranking(first));
        rankings.put("dense", ranking(second));
        List<Fused> fused = new ReciprocalRankFuser(k, Map.of("bm25", bm25, "dense", dense)).fuse(rankings);
        assertEquals(List.of(expected.split(" ")), ids(fused));
    }

    @Test
    void a_fused_chunk_keeps_its_rank_and_raw_score_under_each_signal() {
        Map<String, List<ScoredChunk>> rankings = new LinkedHashMap<>();
        rankings.put("bm25", ranking("a b"));
        rankings.put("dense", ranking("c b"));
        Fused b = new ReciprocalRankFuser(60, Map.of()).fuse(rankings).getFirst();
        assertEquals("r#b", b.chunk().id());
        assertEquals(Map.of("bm25", 2, "dense", 2), b.ranks());
        assertEquals(Map.of("bm25", 1.0, "dense", 1.0), b.scores());
        assertEquals(2.0 / 62, b.score(), 1e-12);
    }

    @Test
    void negative_k_or_weight_is_refused_with_the_value() {
        assertEquals("k must not be negative: -1.0",
                assertThrows(IllegalArgumentException.class, () -> new ReciprocalRankFuser(-1, Map.of())).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ReciprocalRankFuser(60, Map.of("dense", -0.5)));
    }
}
