package org.ibvadvisor.retrieval.confidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ibvadvisor.chunk.Chunk;
import org.ibvadvisor.index.ScoredChunk;
import org.ibvadvisor.retrieval.Signals;
import org.ibvadvisor.retrieval.TestIndex;
import org.ibvadvisor.retrieval.catalog.ChunkCatalog;
import org.ibvadvisor.retrieval.fuse.Fused;
import org.ibvadvisor.retrieval.signal.SearchQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignalConfidenceTest {
    private static TestIndex index;
    private static SignalConfidence estimator;
    private static Chunk top;
    private static Chunk next;

    @BeforeAll
    static void open() {
        index = NamedReports.open();
        ChunkCatalog catalog = ChunkCatalog.load(index.store());
        estimator = SignalConfidence.tuned(catalog);
        top = catalog.chunksOf("compute").get(0); // 2023 年至 2025 年间 … 89%
        next = catalog.chunksOf("compute").get(2);
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    private static double confidence(String query, double sentence) {
        Map<String, List<ScoredChunk>> rankings = new LinkedHashMap<>();
        rankings.put(Signals.SENTENCE, List.of(new ScoredChunk(top, (float) sentence), new ScoredChunk(next, 0.1f)));
        List<Fused> fused = List.of(new Fused(top, 1, Map.of(), Map.of()), new Fused(next, 0.5, Map.of(), Map.of()));
        return estimator.estimate(new SearchQuery(query, query, null), rankings, fused);
    }

    @ParameterizedTest(name = "coverage {0} < {1}")
    @CsvSource({"0.1, 0.3", "0.3, 0.5", "0.5, 0.9", "0.9, 1.0"})
    void rises_with_the_sentence_coverage(double lower, double higher) {
        assertTrue(confidence("计算成本", lower) < confidence("计算成本", higher));
    }

    @Test
    void falls_when_the_top_passages_lack_names_the_query_asks_about() {
        double found = confidence("2025 年计算成本", 0.5);
        double half = confidence("2025 到 2030 年计算成本", 0.5);
        double missing = confidence("2030 年新加坡的计算成本", 0.5);
        assertTrue(found > half && half > missing, found + " > " + half + " > " + missing);
    }

    @Test
    void an_english_question_is_lowered_only_by_names_whose_chinese_form_is_known() {
        double found = confidence("What will compute cost in 2025?", 0.5);
        double unknownForm = confidence("What will compute cost at Daiichi Sankyo in 2025?", 0.5);
        double knownForm = confidence("What will compute cost in Singapore in 2025?", 0.5);
        assertEquals(found, unknownForm, 1e-9, "Daiichi Sankyo may be written 第一三共 in the passage");
        assertTrue(knownForm < found, "Singapore is written 新加坡, which the passages lack: " + knownForm + " < " + found);
    }

    @Test
    void stays_between_zero_and_one() {
        for (double s : new double[] {0, 0.5, 1}) {
            for (String q : new String[] {"1999 2000 2001", "计算成本", "OpenAI 的 GPU"}) {
                double c = confidence(q, s);
                assertTrue(c >= 0 && c <= 1, q + " " + s + " → " + c);
            }
        }
    }
}
