package org.ibvadvisor.retrieval.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ibvadvisor.index.ScoredChunk;
import org.ibvadvisor.retrieval.BigramEmbedder;
import org.ibvadvisor.retrieval.TestIndex;
import org.ibvadvisor.retrieval.catalog.ChunkCatalog;
import org.junit.jupiter.api.Test;

class SentenceSignalTest {
    private static final String TEXT = String.join("\n\n",
            "供应链中断很常见。高管关注成本。计算资源紧张。",                       // #0: terms spread over sentences
            "背景介绍。高管表示供应链成本将上升。其他内容。",                        // #1: all in one sentence
            "无关的段落，讨论文化与人才。");                                       // #2: none

    @Test
    void the_chunk_with_the_query_terms_in_one_window_ranks_first_and_scores_are_shares() throws Exception {
        try (TestIndex index = TestIndex.of(Map.of("r", TEXT), new BigramEmbedder())) {
            SentenceSignal signal = new SentenceSignal(ChunkCatalog.load(index.store()), "sentence", 1);
            List<ScoredChunk> hits = signal.search(new SearchQuery("q", "高管 供应链 成本", null), 10, Set.of());
            assertEquals("r#1", hits.getFirst().chunk().id());
            assertEquals(1.0, hits.getFirst().score(), 1e-6, "every query term in one sentence");
            assertTrue(hits.get(1).score() < 1.0);
            assertTrue(hits.stream().noneMatch(h -> h.chunk().id().equals("r#2")));
        }
    }

    @Test
    void a_two_sentence_window_sees_terms_in_neighbouring_sentences() throws Exception {
        try (TestIndex index = TestIndex.of(Map.of("r", TEXT), new BigramEmbedder())) {
            SentenceSignal signal = new SentenceSignal(ChunkCatalog.load(index.store()), "sentence", 2);
            List<ScoredChunk> hits = signal.search(new SearchQuery("q", "供应链 高管 成本", null), 10, Set.of());
            assertEquals(1.0, hits.get(0).score(), 1e-6);
            assertEquals(1.0, hits.get(1).score(), 1e-6, "#0 has them in its first two sentences");
        }
    }

    @Test
    void terms_are_character_pairs_latin_words_and_numbers_with_their_percent() {
        assertEquals(List.of("生成", "成式", "ai", "38", "38%"), Terms.of("生成式ＡＩ 38%"));
        assertEquals(List.of("云"), Terms.of("云"));
    }
}
