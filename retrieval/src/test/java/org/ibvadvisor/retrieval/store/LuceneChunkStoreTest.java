package org.ibvadvisor.retrieval.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.ibvadvisor.index.ChunkHit;
import org.ibvadvisor.index.ChunkIndexWriter;
import org.ibvadvisor.index.IndexMismatchException;
import org.ibvadvisor.index.IndexSettings;
import org.ibvadvisor.index.LexicalField;
import org.ibvadvisor.retrieval.BigramEmbedder;
import org.ibvadvisor.retrieval.RetrievalRequest;
import org.ibvadvisor.retrieval.Retrievers;
import org.ibvadvisor.retrieval.TestIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Lucene store over a real index that an ingest keeps writing: it moves to the newest commit on refresh. */
class LuceneChunkStoreTest {
    private static final BigramEmbedder EMBEDDER = new BigramEmbedder();
    private static final IndexSettings SETTINGS = IndexSettings.forModel(EMBEDDER.modelId(), EMBEDDER.dimensions());
    private static final String SUPPLY = "全球供应链正在经历深刻变革。\n\n62% 的高管表示供应链成本将在未来三年上升。";
    private static final String COMPUTE = "平均计算成本将在 2023 年至 2025 年间攀升 89%。\n\n混合云架构可以帮助企业控制计算成本。";

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private ChunkIndexWriter writer;
    private LuceneChunkStore store;

    @BeforeEach
    void open() {
        writer = ChunkIndexWriter.rebuild(directory, SETTINGS);
        TestIndex.write(writer, "supply", SUPPLY, EMBEDDER);
        writer.commit();
        store = LuceneChunkStore.open(directory, SETTINGS);
    }

    @AfterEach
    void close() throws Exception {
        store.close();
        writer.close();
        directory.close();
    }

    @Test
    void a_report_ingested_after_opening_is_searchable_after_refresh_without_reopening() {
        TestIndex.write(writer, "compute", COMPUTE, EMBEDDER);
        writer.commit();
        assertTrue(store.searchText(LexicalField.BIGRAM, "混合云架构", 5, Set.of()).isEmpty(), "still the commit it opened on");
        assertEquals(Set.of("supply"), store.info().reportHashes().keySet());

        assertTrue(store.refresh());

        assertEquals(List.of("compute#1"), ids(store.searchText(LexicalField.BIGRAM, "混合云架构", 5, Set.of())));
        assertEquals("compute#1", store.searchVector(EMBEDDER.embedQuery("混合云架构可以帮助企业控制计算成本。"), 1, Set.of()).getFirst().chunkId());
        assertEquals("compute#0", store.searchSentences(EMBEDDER.embedQuery("平均计算成本将在 2023 年至 2025 年间攀升 89%。"), 1, Set.of()).getFirst().chunkId());
        assertEquals(COMPUTE, store.reportText("compute").orElseThrow());
        assertEquals(2, store.chunksOf("compute").size());
        assertEquals(Set.of("supply", "compute"), store.reports().stream().map(r -> r.id()).collect(java.util.stream.Collectors.toSet()));
        assertEquals(4, store.info().chunkCount());
        assertEquals("compute", new Retrievers(store, EMBEDDER).hybrid().retrieve(RetrievalRequest.of("混合云架构"))
                .passages().getFirst().reportId());
    }

    @Test
    void a_removed_report_disappears_after_refresh() {
        TestIndex.write(writer, "compute", COMPUTE, EMBEDDER);
        writer.commit();
        store.refresh();
        assertTrue(writer.removeReport("supply"));
        writer.commit();

        assertTrue(store.refresh());

        assertTrue(store.searchText(LexicalField.SMARTCN, "供应链", 5, Set.of()).isEmpty());
        assertTrue(store.chunk("supply#0").isEmpty());
        assertTrue(store.chunksOf("supply").isEmpty());
        assertTrue(store.reportText("supply").isEmpty());
        assertEquals(List.of("compute"), store.reports().stream().map(r -> r.id()).toList());
        assertEquals(Set.of("compute"), store.info().reportHashes().keySet());
    }

    @Test
    void refresh_without_a_newer_commit_changes_nothing() {
        assertFalse(store.refresh());
        assertEquals(List.of("supply#1"), ids(store.searchText(LexicalField.SMARTCN, "高管", 5, Set.of())));
    }

    @Test
    void a_commit_of_other_settings_is_refused_on_refresh_and_the_store_keeps_reading_the_old_one() {
        writer.close();
        writer = ChunkIndexWriter.rebuild(directory, IndexSettings.forModel("other-model", BigramEmbedder.DIMENSIONS));
        writer.commit();

        assertThrows(IndexMismatchException.class, store::refresh);
        assertEquals(List.of("supply#1"), ids(store.searchText(LexicalField.SMARTCN, "高管", 5, Set.of())));
    }

    @Test
    void searches_running_while_the_index_is_rewritten_and_refreshed_never_fail() throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService searchers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(searchers.submit(() -> {
                    int searches = 0;
                    float[] vector = EMBEDDER.embedQuery("供应链成本");
                    while (writing.get() || searches < 50) {
                        assertEquals(List.of("supply#1"), ids(store.searchText(LexicalField.SMARTCN, "高管", 5, Set.of())));
                        assertFalse(store.searchVector(vector, 3, Set.of()).isEmpty());
                        assertFalse(store.searchSentences(vector, 3, Set.of()).isEmpty());
                        assertEquals(2, store.chunksOf("supply").size());
                        assertTrue(store.reports().stream().anyMatch(report -> report.id().equals("supply")));
                        searches++;
                    }
                    return searches;
                }));
            }
            for (int round = 0; round < 30; round++) {
                if (round % 2 == 0) TestIndex.write(writer, "compute", COMPUTE + "\n\n第 " + round + " 轮。", EMBEDDER);
                else writer.removeReport("compute");
                writer.commit();
                store.refresh();
            }
            writing.set(false);
            for (Future<Integer> run : runs) assertTrue(run.get() >= 50);
        } finally {
            writing.set(false);
            searchers.shutdownNow();
        }
    }

    private static List<String> ids(List<ChunkHit> hits) {
        return hits.stream().map(ChunkHit::chunkId).toList();
    }
}
