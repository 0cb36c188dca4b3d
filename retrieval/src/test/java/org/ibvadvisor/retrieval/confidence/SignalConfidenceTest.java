package org.ibvadvisor.retrieval.confidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ibvadvisor.chunk.Chunk;
import org.ibvadvisor.index.ScoredChunk;
import org.ibvadvisor.retrieval.Signals;
import org.ibvadvisor.retrieval.fuse.Fused;
import org.ibvadvisor.retrieval.signal.SearchQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignalConfidenceTest {
    private static final String TOP_TEXT = "到 2025 年，计算成本将攀升 89%";
    private static final Chunk TOP = new Chunk(null, "r", List.of(), 0, TOP_TEXT, "c", 0, TOP_TEXT.length());
    private static final Chunk NEXT = new Chunk(null, "r", List.of(), 1, "其他内容", "c", TOP_TEXT.length(), TOP_TEXT.length() + 4);

    private static double confidence(String query, double sentence, double secondSentence, double bigram, double secondBigram) {
        Map<String, List<ScoredChunk>> rankings = new LinkedHashMap<>();
        rankings.put(Signals.SENTENCE, List.of(new ScoredChunk(TOP, (float) sentence), new ScoredChunk(NEXT, (float) secondSentence)));
        rankings.put(Signals.BIGRAM, List.of(new ScoredChunk(TOP, (float) bigram), new ScoredChunk(NEXT, (float) secondBigram)));
        List<Fused> fused = List.of(new Fused(TOP, 1, Map.of(), Map.of()), new Fused(NEXT, 0.5, Map.of(), Map.of()));
        return SignalConfidence.tuned().estimate(new SearchQuery(query, query, null), rankings, fused);
    }

    @ParameterizedTest(name = "coverage {0} < {1}")
    @CsvSource({"0.1, 0.3", "0.3, 0.5", "0.5, 0.9", "0.9, 1.0"})
    void rises_with_the_sentence_coverage(double lower, double higher) {
        assertTrue(confidence("计算成本", lower, 0.1, 10, 8) < confidence("计算成本", higher, 0.1, 10, 8));
    }

    @Test
    void falls_when_the_query_asks_about_numbers_the_top_passages_do_not_have() {
        double found = confidence("2025 年计算成本", 0.5, 0.2, 12, 8);
        double half = confidence("2025 到 2030 年计算成本", 0.5, 0.2, 12, 8);
        double missing = confidence("2030 年计算成本", 0.5, 0.2, 12, 8);
        assertTrue(found > half && half > missing, found + " > " + half + " > " + missing);
        assertEquals(0.5, ConfidenceFeatures.missingNumbers("2025 到 2030", List.of(new Fused(TOP, 1, Map.of(), Map.of()))));
    }

    @Test
    void stays_between_zero_and_one() {
        for (double s : new double[] {0, 0.5, 1}) {
            for (String q : new String[] {"1999 2000 2001", "计算成本"}) {
                double c = confidence(q, s, 0, 100, 1);
                assertTrue(c >= 0 && c <= 1, q + " " + s + " → " + c);
            }
        }
    }
}
