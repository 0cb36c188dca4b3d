package org.ibvadvisor.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.ibvadvisor.chunk.Chunk;
import org.ibvadvisor.corpus.Report;
import org.ibvadvisor.corpus.ReportMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every chunk's sentences get a vector of their own: cut, written, searched and removed with the report. */
class SentenceVectorsTest {
    private static final int DIMENSIONS = 16;
    private static final IndexSettings SETTINGS = IndexSettings.forModel("test", DIMENSIONS);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "第一句。第二句！ | 第一句。/第二句！",
            "标题\\n正文说明；后半句。 | 标题/正文说明；/后半句。",
            "  开头空白\\n\\n\\n结尾没有句号 | 开头空白/结尾没有句号",
            "What? Yes; fine. | What?/Yes;/fine."})
    void a_chunk_is_cut_after_sentence_ends_and_at_line_breaks(String text, String expected) {
        String clean = text.replace("\\n", "\n");
        Chunk chunk = new Chunk(null, "r", List.of(), 0, clean, clean, 0, clean.length());
        assertEquals(Arrays.asList(expected.split("/")), ChunkSentences.of(chunk));
    }

    @Test
    void a_chunk_is_found_by_its_nearest_sentence_once_within_the_filter_and_goes_with_its_report() throws IOException {
        Report compute = report("compute", "计算成本上升。混合云可以帮忙。\n\n能效更重要。");
        Report talent = report("talent", "技能需要更新。人才短缺。");
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            int[] next = {0};
            try (ChunkIndexWriter writer = ChunkIndexWriter.rebuild(directory, SETTINGS)) {
                for (Report report : List.of(compute, talent)) {
                    List<Chunk> chunks = chunks(report);
                    List<List<float[]>> sentences = chunks.stream()
                            .map(chunk -> ChunkSentences.of(chunk).stream().map(s -> basis(next[0]++)).toList()).toList();
                    writer.upsertReport(report, chunks, chunks.stream().map(c -> basis(DIMENSIONS - 1)).toList(), sentences);
                }
                writer.commit();
            }
            // sentences in order: 0 计算成本上升 1 混合云 (compute#0), 2 能效 (compute#1), 3 技能 4 人才 (talent#0)
            try (ChunkIndex index = ChunkIndex.open(directory, SETTINGS)) {
                List<ChunkHit> hits = index.searchSentenceIds(basis(1), 5, Set.of());
                assertEquals("compute#0", hits.getFirst().chunkId());
                assertEquals(1.0f, hits.getFirst().score(), 1e-5);
                assertEquals(3, hits.size(), "each chunk once: " + hits);
                assertEquals(Set.of("compute#0", "compute#1", "talent#0"), Set.copyOf(hits.stream().map(ChunkHit::chunkId).toList()));
                assertEquals(List.of("talent#0"), index.searchSentenceIds(basis(1), 5, Set.of("talent")).stream().map(ChunkHit::chunkId).toList());
                assertEquals(3, index.info().chunkCount(), "sentences are not chunks");
            }
            try (ChunkIndexWriter writer = ChunkIndexWriter.open(directory, SETTINGS)) {
                writer.removeReport("compute");
                writer.commit();
            }
            try (ChunkIndex index = ChunkIndex.open(directory, SETTINGS)) {
                assertEquals(List.of("talent#0"), index.searchSentenceIds(basis(1), 5, Set.of()).stream().map(ChunkHit::chunkId).toList());
            }
        }
    }

    @Test
    void sentence_vectors_that_do_not_fit_the_sentences_are_refused() throws IOException {
        Report talent = report("talent", "技能需要更新。人才短缺。");
        List<Chunk> chunks = chunks(talent);
        List<float[]> vectors = List.of(basis(0));
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
             ChunkIndexWriter writer = ChunkIndexWriter.rebuild(directory, SETTINGS)) {
            IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                    () -> writer.upsertReport(talent, chunks, vectors, List.of(List.of(basis(1)))));
            assertTrue(count.getMessage().contains("has 2 sentences but 1 sentence vectors"), count.getMessage());
            IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                    () -> writer.upsertReport(talent, chunks, vectors, List.of(List.of(basis(1), new float[] {1, 0}))));
            assertTrue(size.getMessage().contains("sentence 1 of chunk talent#0"), size.getMessage());
        }
    }

    private static Report report(String id, String text) {
        return new Report(new ReportMetadata(id, id, id, id, "test", 2024, "zh"), null, text, "hash-" + id);
    }

    /** Paragraphs (blank-line separated) as chunks with exact spans. */
    private static List<Chunk> chunks(Report report) {
        List<Chunk> chunks = new ArrayList<>();
        String text = report.text();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf("\n\n", start);
            if (end < 0) end = text.length();
            String piece = text.substring(start, end);
            chunks.add(new Chunk(null, report.id(), List.of(), chunks.size(), piece, piece.strip(), start, end));
            start = end + 2;
        }
        return chunks;
    }

    private static float[] basis(int i) {
        float[] v = new float[DIMENSIONS];
        v[i] = 1;
        return v;
    }
}
