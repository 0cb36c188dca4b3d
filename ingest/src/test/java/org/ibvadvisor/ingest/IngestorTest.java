package org.ibvadvisor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.ibvadvisor.corpus.CorpusException;
import org.ibvadvisor.embed.EmbeddingModelSpec;
import org.ibvadvisor.embed.OnnxEmbedder;
import org.ibvadvisor.index.ChunkIndex;
import org.ibvadvisor.index.IndexSettings;
import org.ibvadvisor.index.LexicalField;
import org.ibvadvisor.index.ScoredChunk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole ingest pipeline with real parts (cleaner, chunker, ONNX model, Lucene) on a small copy of the corpus. */
class IngestorTest {
    private static final Path CORPUS = Path.of(System.getProperty("advisor.projectDir", "."), "corpus");
    private static final String SMALL = "004_ffa638bad9eb796a";
    private static final String OTHER = "002_1ae43035c57805b6";

    private static OnnxEmbedder embedder;

    @TempDir
    Path work;

    @BeforeAll
    static void loadModel() {
        embedder = new OnnxEmbedder(EmbeddingModelSpec.BGE_SMALL_ZH_Q);
    }

    @AfterAll
    static void closeModel() {
        embedder.close();
    }

    @Test
    void first_ingest_adds_every_report_and_the_index_answers() throws IOException {
        Path corpus = corpusOf(SMALL, OTHER);
        IngestSummary summary = Ingestor.standard(embedder).ingest(corpus, work.resolve("index"), false, IngestProgress.NONE);

        assertEquals(Set.of("genai-compute-economics", "enterprise-genai-market"), Set.copyOf(summary.added()));
        assertTrue(summary.chunksWritten() > 20, "chunks written: " + summary.chunksWritten());
        assertEquals(summary.chunksWritten(), summary.chunksInIndex());
        try (ChunkIndex index = open()) {
            List<ScoredChunk> hits = index.searchVector(embedder.embedQuery("计算成本预计在 2023 年至 2025 年间会上升多少？"), 3, Set.of());
            assertTrue(hits.stream().anyMatch(h -> h.chunk().cleanText().replaceAll("\\s", "").contains("平均计算成本将攀升89%")),
                    "the passage with the 89% figure is among the top 3: " + hits);
            List<ScoredChunk> lexical = index.searchText(LexicalField.SMARTCN, "计算成本 攀升", 3, Set.of());
            assertEquals("genai-compute-economics", lexical.getFirst().chunk().reportId());
        }
    }

    @Test
    void re_ingest_skips_unchanged_replaces_changed_and_removes_deleted_reports() throws IOException {
        Path corpus = corpusOf(SMALL, OTHER);
        Path index = work.resolve("index");
        Ingestor ingestor = Ingestor.standard(embedder);
        ingestor.ingest(corpus, index, false, IngestProgress.NONE);

        IngestSummary again = ingestor.ingest(corpus, index, false, IngestProgress.NONE);
        assertTrue(again.changedNothing());
        assertEquals(0, again.chunksWritten());

        Files.writeString(corpus.resolve(SMALL + ".txt"), "\n新增的一段：生成式 AI 的计算成本需要新的治理方法。\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Files.delete(corpus.resolve(OTHER + ".txt"));
        Files.delete(corpus.resolve(OTHER + ".meta.json"));
        IngestSummary changed = ingestor.ingest(corpus, index, false, IngestProgress.NONE);

        assertEquals(List.of("genai-compute-economics"), changed.replaced());
        assertEquals(List.of("enterprise-genai-market"), changed.removed());
        assertEquals(changed.chunksWritten(), changed.chunksInIndex(), "only the replaced report is left");
        try (ChunkIndex opened = open()) {
            assertEquals(Set.of("genai-compute-economics"), opened.info().reportHashes().keySet());
            assertTrue(opened.reportText("genai-compute-economics").orElseThrow().contains("新增的一段"));
        }
    }

    @Test
    void a_bad_report_fails_naming_the_file_and_leaves_the_index_as_it_was() throws IOException {
        Path corpus = corpusOf(SMALL);
        Path index = work.resolve("index");
        Ingestor ingestor = Ingestor.standard(embedder);
        IngestSummary first = ingestor.ingest(corpus, index, false, IngestProgress.NONE);

        Files.write(corpus.resolve("broken.txt"), new byte[] {(byte) 0xC3, (byte) 0x28, 'a', 'b'});
        CorpusException failure = assertThrows(CorpusException.class,
                () -> ingestor.ingest(corpus, index, false, IngestProgress.NONE));
        assertTrue(failure.getMessage().contains("broken.txt"), failure.getMessage());

        try (ChunkIndex opened = open()) {
            assertEquals(first.chunksInIndex(), opened.info().chunkCount());
        }
    }

    @Test
    void progress_hears_every_embedded_chunk() throws IOException {
        Path corpus = corpusOf(SMALL);
        int[] announced = {-1};
        int[] embedded = {0};
        IngestSummary summary = Ingestor.standard(embedder).ingest(corpus, work.resolve("index"), false, new IngestProgress() {
            @Override
            public void embeddingStarted(int reports, int chunks) {
                announced[0] = chunks;
            }

            @Override
            public void embedded(String reportId, int chunks) {
                embedded[0] += chunks;
            }
        });
        assertEquals(summary.chunksWritten(), announced[0]);
        assertEquals(summary.chunksWritten(), embedded[0]);
    }

    private ChunkIndex open() {
        return ChunkIndex.open(work.resolve("index"), IndexSettings.forModel(embedder.modelId(), embedder.dimensions()));
    }

    private Path corpusOf(String... stems) throws IOException {
        Path corpus = Files.createDirectories(work.resolve("corpus"));
        for (String stem : stems) {
            Files.copy(CORPUS.resolve(stem + ".txt"), corpus.resolve(stem + ".txt"));
            Files.copy(CORPUS.resolve(stem + ".meta.json"), corpus.resolve(stem + ".meta.json"));
        }
        return corpus;
    }
}
