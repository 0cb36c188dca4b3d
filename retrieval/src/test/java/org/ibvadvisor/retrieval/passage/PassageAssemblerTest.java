package org.ibvadvisor.retrieval.passage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ibvadvisor.chunk.Chunk;
import org.ibvadvisor.retrieval.BigramEmbedder;
import org.ibvadvisor.retrieval.Passage;
import org.ibvadvisor.retrieval.TestIndex;
import org.ibvadvisor.retrieval.catalog.ChunkCatalog;
import org.ibvadvisor.retrieval.fuse.Fused;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PassageAssemblerTest {
    private static TestIndex index;
    private static ChunkCatalog catalog;

    @BeforeAll
    static void open() {
        index = TestIndex.of(Map.of(
                "alpha", "第一段。\n\n第二段，有数据。\n\n第三段：结论。\n\n第四段。\n\n第五段。",
                "beta", "另一份报告的第一段。\n\n另一份报告的第二段。"), new BigramEmbedder());
        catalog = ChunkCatalog.load(index.store());
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    /** "alpha#1 beta#0 …" → fused candidates in that order, descending scores, found by bm25 at that rank. */
    private static List<Fused> fused(String ids) {
        List<Fused> fused = new ArrayList<>();
        String[] parts = ids.split(" ");
        for (int i = 0; i < parts.length; i++) {
            Chunk chunk = catalog.chunk(parts[i]).orElseThrow();
            fused.add(new Fused(chunk, parts.length - i, Map.of("bm25", i + 1), Map.of("bm25", 1.0)));
        }
        return fused;
    }

    @ParameterizedTest(name = "max {1}, k {2}: [{0}] → [{3}]")
    @CsvSource(delimiter = ';', value = {
            "alpha#1 alpha#3 beta#0; 1; 10; alpha#1 alpha#3 beta#0",
            "alpha#1 alpha#2 beta#0; 1; 10; alpha#1 alpha#2 beta#0",
            "alpha#1 alpha#2 beta#0; 2; 10; alpha#1-2 beta#0",
            "alpha#2 alpha#1 alpha#3; 2; 10; alpha#1-2 alpha#3",
            "alpha#2 alpha#1 alpha#3; 3; 10; alpha#1-3",
            "alpha#1 alpha#3 alpha#2; 3; 10; alpha#1-3",
            "alpha#3 alpha#1 alpha#2; 2; 10; alpha#2-3 alpha#1",
            "alpha#0 beta#1 beta#0 alpha#1; 2; 10; alpha#0-1 beta#0-1",
            "alpha#0 alpha#2 alpha#4 beta#0; 2; 2; alpha#0 alpha#2",
            "alpha#0 alpha#2 alpha#1; 2; 2; alpha#0-1 alpha#2",
            "alpha#4 beta#0 alpha#3; 2; 1; alpha#4"})
    void adjacent_chunks_of_one_report_merge_up_to_the_limit(String candidates, int max, int k, String expected) {
        List<Passage> passages = new PassageAssembler(catalog, max).assemble(fused(candidates), k);
        assertEquals(List.of(expected.split(" ")), passages.stream().map(Passage::id).toList());
        for (Passage passage : passages) {
            assertEquals(index.text(passage.reportId()).substring(passage.start(), passage.end()), passage.text(),
                    passage.id() + " is exactly its span of the source");
        }
    }

    @org.junit.jupiter.api.Test
    void a_merged_passage_spans_its_chunks_keeps_the_best_score_and_the_best_rank_per_signal() {
        Passage merged = new PassageAssembler(catalog, 2).assemble(fused("alpha#2 beta#0 alpha#1"), 10).getFirst();
        Chunk first = catalog.chunk("alpha#1").orElseThrow(), second = catalog.chunk("alpha#2").orElseThrow();
        assertEquals(first.start(), merged.start());
        assertEquals(second.end(), merged.end());
        assertTrue(merged.text().contains("第二段") && merged.text().contains("第三段"));
        assertEquals(3.0, merged.score());
        assertEquals(Map.of("bm25", 1), merged.ranks());
        assertEquals(first.section(), merged.section());
        assertEquals("报告 alpha", merged.reportTitle());
    }
}
