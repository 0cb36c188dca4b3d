package org.ibvadvisor.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.ibvadvisor.chunk.Chunk;
import org.ibvadvisor.corpus.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** An index is only read or extended with the settings it was built with; a rebuild replaces it at commit. */
class IndexSettingsMismatchTest {
    static final IndexSettings BUILT = IndexSettings.forModel("bge-small-zh-v1.5-q", 512);
    static final Report REPORT = ParagraphChunks.bundled("genai-compute-economics");
    static final List<Chunk> CHUNKS = ParagraphChunks.of(REPORT, 4, 20);

    @TempDir
    Path folder;

    static Stream<Arguments> otherSettings() {
        return Stream.of(
                Arguments.of(IndexSettings.forModel("bge-small-zh-v1.5", 512),
                        "embedding model bge-small-zh-v1.5-q (index) vs bge-small-zh-v1.5 (now)"),
                Arguments.of(IndexSettings.forModel("bge-small-zh-v1.5-q", 384), "vector dimensions 512 (index) vs 384 (now)"),
                Arguments.of(new IndexSettings(IndexSettings.SCHEMA_VERSION + 1, "bge-small-zh-v1.5-q", 512, BUILT.analyzer()),
                        "schema version " + IndexSettings.SCHEMA_VERSION + " (index) vs " + (IndexSettings.SCHEMA_VERSION + 1) + " (now)"),
                Arguments.of(new IndexSettings(IndexSettings.SCHEMA_VERSION, "bge-small-zh-v1.5-q", 512, "other-analyser"),
                        "analyser " + BUILT.analyzer() + " (index) vs other-analyser (now)"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("otherSettings")
    void opening_with_other_settings_says_what_differs_and_to_re_ingest(IndexSettings now, String difference) {
        build(folder, BUILT);

        for (Runnable open : List.<Runnable>of(() -> ChunkIndex.open(folder, now).close(), () -> ChunkIndexWriter.open(folder, now).close())) {
            IndexMismatchException error = assertThrows(IndexMismatchException.class, open::run);
            assertTrue(error.getMessage().contains(difference), error.getMessage());
            assertTrue(error.getMessage().contains(folder.toString()), error.getMessage());
            assertTrue(error.getMessage().contains("./advisor ingest --rebuild"), error.getMessage());
            assertEquals(BUILT, error.found());
        }
    }

    @Test
    void a_lucene_index_not_written_by_the_advisor_is_refused() throws IOException {
        try (Directory directory = new ByteBuffersDirectory()) {
            try (IndexWriter foreign = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
                Document doc = new Document();
                doc.add(new StringField("title", "something else", Field.Store.YES));
                foreign.addDocument(doc);
                foreign.commit();
            }

            IndexMismatchException error = assertThrows(IndexMismatchException.class, () -> ChunkIndex.open(directory, BUILT));

            assertTrue(error.getMessage().contains("no IBV Advisor metadata"), error.getMessage());
        }
    }

    @Test
    void a_rebuild_with_new_settings_replaces_the_old_index_only_when_committed() {
        build(folder, BUILT);
        IndexSettings fp32 = IndexSettings.forModel("bge-small-zh-v1.5", 512);

        try (ChunkIndexWriter rebuild = ChunkIndexWriter.rebuild(folder, fp32)) {
            assertEquals(java.util.Map.of(), rebuild.reportHashes(), "a rebuild starts empty");
            rebuild.upsertReport(REPORT, CHUNKS.subList(0, 2), vectors(2));
            try (ChunkIndex old = ChunkIndex.open(folder, BUILT)) {
                assertEquals(CHUNKS.size(), old.info().chunkCount(), "before the commit the old index is still there");
            }
        }
        try (ChunkIndex old = ChunkIndex.open(folder, BUILT)) {
            assertEquals(CHUNKS.size(), old.info().chunkCount(), "an abandoned rebuild changes nothing");
        }

        try (ChunkIndexWriter rebuild = ChunkIndexWriter.rebuild(folder, fp32)) {
            rebuild.upsertReport(REPORT, CHUNKS.subList(0, 2), vectors(2));
            rebuild.commit();
        }
        try (ChunkIndex rebuilt = ChunkIndex.open(folder, fp32)) {
            assertEquals(2, rebuilt.info().chunkCount());
        }
        assertThrows(IndexMismatchException.class, () -> ChunkIndex.open(folder, BUILT));
    }

    @Test
    void changes_are_invisible_until_commit_and_dropped_on_close_without_commit() {
        build(folder, BUILT);

        try (ChunkIndexWriter writer = ChunkIndexWriter.open(folder, BUILT)) {
            writer.removeReport(REPORT.id());
            try (ChunkIndex index = ChunkIndex.open(folder, BUILT)) {
                assertEquals(CHUNKS, index.chunksOf(REPORT.id()));
            }
        }

        try (ChunkIndex index = ChunkIndex.open(folder, BUILT)) {
            assertEquals(CHUNKS, index.chunksOf(REPORT.id()));
            assertEquals(List.of(REPORT.id()), List.copyOf(index.info().reportHashes().keySet()));
        }
    }

    @Test
    void a_missing_index_says_to_ingest() {
        IndexException error = assertThrows(IndexException.class, () -> ChunkIndex.open(folder.resolve("none"), BUILT));
        assertTrue(error.getMessage().contains("./advisor ingest"), error.getMessage());
        IndexException empty = assertThrows(IndexException.class, () -> ChunkIndex.open(folder, BUILT));
        assertTrue(empty.getMessage().contains("no index at"), empty.getMessage());
        assertTrue(!ChunkIndex.exists(folder) && !ChunkIndex.exists(folder.resolve("none")));
    }

    static void build(Path folder, IndexSettings settings) {
        try (ChunkIndexWriter writer = ChunkIndexWriter.open(folder, settings)) {
            writer.upsertReport(REPORT, CHUNKS, vectors(CHUNKS.size()));
            writer.commit();
        }
        assertTrue(ChunkIndex.exists(folder));
    }

    static List<float[]> vectors(int count) {
        java.util.Random random = new java.util.Random(42);
        return Stream.generate(() -> HashEmbedder.unit(random, 512)).limit(count).toList();
    }
}
