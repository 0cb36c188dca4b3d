package org.ibvadvisor.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ibvadvisor.chunk.Chunk;
import org.ibvadvisor.corpus.Report;
import org.ibvadvisor.embed.EmbeddingModelSpec;
import org.ibvadvisor.embed.OnnxEmbedder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One index of three real reports (their first paragraphs), embedded with the real model, written once and read back. */
class ChunkIndexTest {
    static final List<String> REPORT_IDS = List.of("genai-compute-economics", "ai-infrastructure", "super-ecosystems");

    @TempDir
    static Path folder;

    static OnnxEmbedder embedder;
    static IndexSettings settings;
    static Map<String, Report> reports = new LinkedHashMap<>();
    static Map<String, List<Chunk>> chunks = new LinkedHashMap<>();
    static Map<String, float[]> vectors = new LinkedHashMap<>();
    static ChunkIndex index;

    @BeforeAll
    static void writeAndReopen() {
        embedder = new OnnxEmbedder(EmbeddingModelSpec.BGE_SMALL_ZH_Q);
        settings = IndexSettings.forModel(embedder.modelId(), embedder.dimensions());
        try (ChunkIndexWriter writer = ChunkIndexWriter.open(folder, settings)) {
            for (String id : REPORT_IDS) {
                Report report = ParagraphChunks.bundled(id);
                List<Chunk> reportChunks = ParagraphChunks.of(report, 20, 30);
                List<float[]> reportVectors = embedder.embedPassages(reportChunks.stream().map(ContextualText::of).toList());
                writer.upsertReport(report, reportChunks, reportVectors);
                reports.put(id, report);
                chunks.put(id, reportChunks);
                for (int i = 0; i < reportChunks.size(); i++) vectors.put(reportChunks.get(i).id(), reportVectors.get(i));
            }
            writer.commit();
        }
        index = ChunkIndex.open(folder, settings);
    }

    @AfterAll
    static void close() {
        index.close();
        embedder.close();
    }

    @Test
    void info_gives_the_settings_the_report_hashes_and_the_chunk_count() {
        IndexInfo info = index.info();

        assertEquals(new IndexSettings(IndexSettings.SCHEMA_VERSION, "bge-small-zh-v1.5-q", 512, info.settings().analyzer()), info.settings());
        assertEquals(Set.copyOf(REPORT_IDS), info.reportHashes().keySet());
        reports.values().forEach(r -> assertEquals(r.contentHash(), info.reportHashes().get(r.id())));
        assertEquals(chunks.values().stream().mapToInt(List::size).sum(), info.chunkCount());
    }

    @Test
    void every_stored_field_comes_back_exactly() {
        for (String id : REPORT_IDS) {
            assertEquals(chunks.get(id), index.chunksOf(id), "chunks of " + id + " in ordinal order");
            for (Chunk chunk : chunks.get(id)) assertEquals(chunk, index.chunk(chunk.id()).orElseThrow());
            assertEquals(reports.get(id).text(), index.reportText(id).orElseThrow());
            assertEquals(reports.get(id).metadata(), index.report(id).orElseThrow());
        }
    }

    @Test
    void reports_come_in_corpus_order_and_unknown_ids_give_nothing() {
        assertEquals(List.of("super-ecosystems", "ai-infrastructure", "genai-compute-economics"),
                index.reports().stream().map(m -> m.id()).toList());
        assertTrue(index.chunk("nope#0").isEmpty());
        assertEquals(List.of(), index.chunksOf("nope"));
        assertTrue(index.reportText("nope").isEmpty());
    }

    @ParameterizedTest
    @EnumSource(LexicalField.class)
    void a_sentence_of_a_chunk_finds_that_chunk_first(LexicalField field) {
        for (String id : REPORT_IDS) {
            for (Chunk chunk : chunks.get(id).subList(3, 8)) {
                String sentence = chunk.cleanText().substring(0, Math.min(40, chunk.cleanText().length()));

                List<ScoredChunk> hits = index.searchText(field, sentence, 3, null);

                assertEquals(chunk.id(), hits.getFirst().chunk().id(), field + " for '" + sentence + "'");
                assertTrue(hits.getFirst().score() >= hits.get(1).score());
            }
        }
    }

    @Test
    void a_chunk_vector_finds_its_own_chunk_first_with_cosine_one() {
        for (String id : REPORT_IDS) {
            Chunk chunk = chunks.get(id).get(5);
            List<ScoredChunk> hits = index.searchVector(vectors.get(chunk.id()), 5, null);

            assertEquals(chunk.id(), hits.getFirst().chunk().id());
            assertEquals(1.0, hits.getFirst().score(), 1e-3);
            assertEquals(5, hits.size());
        }
    }

    @Test
    void a_question_finds_the_passage_that_answers_it_by_meaning() {
        Chunk answer = chunks.get("genai-compute-economics").stream()
                .filter(c -> c.cleanText().startsWith("计算成本曾被视为")).findFirst().orElseThrow();

        List<ScoredChunk> hits = index.searchVector(embedder.embedQuery("为什么算力开销成了高管议程上的问题？"), 3, null);

        assertTrue(hits.stream().anyMatch(h -> h.chunk().id().equals(answer.id())), hits.toString());
    }

    @ParameterizedTest
    @EnumSource(LexicalField.class)
    void a_report_filter_keeps_text_results_inside_the_chosen_reports(LexicalField field) {
        Chunk elsewhere = chunks.get("genai-compute-economics").get(4);

        List<ScoredChunk> hits = index.searchText(field, elsewhere.cleanText(), 10, Set.of("ai-infrastructure", "super-ecosystems"));

        assertFalse(hits.isEmpty());
        hits.forEach(h -> assertTrue(Set.of("ai-infrastructure", "super-ecosystems").contains(h.chunk().reportId()), h.toString()));
        assertEquals(elsewhere.id(), index.searchText(field, elsewhere.cleanText(), 1, Set.of()).getFirst().chunk().id(),
                "an empty filter searches everything");
    }

    @Test
    void a_report_filter_keeps_vector_results_inside_the_chosen_reports() {
        Chunk elsewhere = chunks.get("genai-compute-economics").get(4);

        List<ScoredChunk> hits = index.searchVector(vectors.get(elsewhere.id()), 10, Set.of("ai-infrastructure"));

        assertEquals(10, hits.size());
        hits.forEach(h -> assertEquals("ai-infrastructure", h.chunk().reportId(), h.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "？！。", "AND OR NOT \"unbalanced ( [ { * ? ~ ^ : \\ /", "title:x* -y +z"})
    void any_user_text_is_a_valid_query(String query) {
        for (LexicalField field : LexicalField.values()) {
            List<ScoredChunk> hits = index.searchText(field, query, 5, null);
            assertTrue(hits.size() <= 5);
        }
    }

    @Test
    void latin_words_match_whatever_their_case() {
        for (LexicalField field : LexicalField.values()) {
            List<String> upper = ids(index.searchText(field, "IBM IT", 5, null));
            assertFalse(upper.isEmpty(), field.toString());
            assertEquals(upper, ids(index.searchText(field, "ibm it", 5, null)), field.toString());
        }
    }

    @Test
    void a_query_vector_of_the_wrong_length_is_refused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> index.searchVector(new float[384], 3, null));
        assertTrue(error.getMessage().contains("384"), error.getMessage());
    }

    @Test
    void searches_from_many_threads_give_the_same_results_as_one_at_a_time() throws Exception {
        List<Chunk> probes = chunks.values().stream().flatMap(c -> c.subList(2, 6).stream()).toList();
        List<List<String>> serial = probes.stream().map(ChunkIndexTest::searchBoth).toList();

        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            var futures = probes.stream().map(c -> pool.submit(() -> searchBoth(c))).toList();
            for (int i = 0; i < probes.size(); i++) assertEquals(serial.get(i), futures.get(i).get(), probes.get(i).id());
        }
    }

    static List<String> searchBoth(Chunk probe) {
        List<String> ids = new ArrayList<>(ids(index.searchText(LexicalField.SMARTCN, probe.cleanText(), 5, null)));
        ids.addAll(ids(index.searchText(LexicalField.BIGRAM, probe.cleanText(), 5, Set.of(probe.reportId()))));
        ids.addAll(ids(index.searchVector(vectors.get(probe.id()), 5, null)));
        return ids;
    }

    static List<String> ids(List<ScoredChunk> hits) {
        List<String> ids = new ArrayList<>();
        hits.forEach(h -> ids.add(h.chunk().id()));
        return ids;
    }
}
