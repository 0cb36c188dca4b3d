package org.ibvadvisor.retrieval.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ibvadvisor.index.LexicalField;
import org.ibvadvisor.index.ScoredChunk;
import org.ibvadvisor.retrieval.BigramEmbedder;
import org.ibvadvisor.retrieval.TestIndex;
import org.ibvadvisor.retrieval.catalog.ChunkCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The index-backed signals search ids only and take the chunks from the catalog: same hits as the full searches. */
class IndexSignalsTest {
    private static final BigramEmbedder EMBEDDER = new BigramEmbedder();
    private static TestIndex index;
    private static ChunkCatalog catalog;

    @BeforeAll
    static void open() {
        Map<String, String> reports = new LinkedHashMap<>();
        reports.put("supply", "全球供应链正在经历深刻变革。\n\n62% 的高管表示供应链成本将在未来三年上升。\n\n企业需要重新设计采购流程。");
        reports.put("compute", "平均计算成本将在 2023 年至 2025 年间攀升 89%。\n\n混合云架构可以帮助企业控制计算成本。");
        index = TestIndex.of(reports, EMBEDDER);
        catalog = ChunkCatalog.load(index.store());
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    @ParameterizedTest(name = "{0} in [{1}]")
    @CsvSource(delimiter = '|', value = {"供应链成本 上升 | ''", "企业 计算成本 | compute", "企业 成本 | supply compute", "无关 | ''"})
    void lexical_and_dense_signals_return_what_the_full_searches_return(String query, String filter) {
        Set<String> reports = filter.isBlank() ? Set.of() : Set.of(filter.split(" "));
        for (LexicalField field : LexicalField.values()) {
            List<ScoredChunk> signal = new LexicalSignal(index.store(), catalog, field, "lexical")
                    .search(new SearchQuery(query, query, null), 5, reports);
            assertSameHits(index.index().searchText(field, query, 5, reports), signal);
        }
        float[] vector = EMBEDDER.embedQuery(query);
        List<ScoredChunk> dense = new DenseSignal(index.store(), catalog, "dense").search(new SearchQuery(query, query, vector), 5, reports);
        assertFalse(dense.isEmpty());
        assertSameHits(index.index().searchVector(vector, 5, reports), dense);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"混合云架构可以帮助企业控制计算成本。", "企业需要重新设计采购流程。"})
    void the_sentence_vector_signal_ranks_the_chunk_holding_the_sentence_first_each_chunk_once(String sentence) {
        List<ScoredChunk> hits = DenseSignal.overSentences(index.store(), catalog, "dense-sentence")
                .search(new SearchQuery(sentence, sentence, EMBEDDER.embedQuery(sentence)), 3, Set.of());
        assertTrue(hits.getFirst().chunk().cleanText().contains(sentence), hits.getFirst().chunk().cleanText());
        assertEquals(1.0f, hits.getFirst().score(), 1e-4);
        assertTrue(hits.size() <= 3);
        assertEquals(hits.size(), hits.stream().map(hit -> hit.chunk().id()).distinct().count());
        for (ScoredChunk hit : hits) assertSame(catalog.chunk(hit.chunk().id()).orElseThrow(), hit.chunk());
    }

    private static void assertSameHits(List<ScoredChunk> full, List<ScoredChunk> idsOnly) {
        assertEquals(full, idsOnly);
        for (ScoredChunk hit : idsOnly) assertSame(catalog.chunk(hit.chunk().id()).orElseThrow(), hit.chunk(), "the catalog's own chunk");
    }
}
