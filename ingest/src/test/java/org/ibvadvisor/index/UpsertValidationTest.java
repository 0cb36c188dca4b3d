package org.ibvadvisor.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.ibvadvisor.chunk.Chunk;
import org.ibvadvisor.corpus.Report;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Chunks and vectors that do not fit their report are refused before anything is written. */
class UpsertValidationTest {
    static final IndexSettings SETTINGS = IndexSettings.forModel("test", 8);
    static final Report REPORT = ParagraphChunks.bundled("genai-compute-economics");

    record Batch(List<Chunk> chunks, List<float[]> vectors) {
    }

    static Stream<Arguments> badBatches() {
        return Stream.of(
                bad("one vector missing", b -> b.vectors().removeLast(), "3 chunks but 2 vectors"),
                bad("vector of other dimensions", b -> b.vectors().set(1, new float[] {1, 0, 0}), "3 dimensions"),
                bad("vector not unit length", b -> b.vectors().set(1, new float[] {2, 0, 0, 0, 0, 0, 0, 0}), "not unit length"),
                bad("chunk of another report", b -> b.chunks().set(1, with(b.chunks().get(1), "other-report", 1)), "does not belong"),
                bad("ordinals out of order", b -> b.chunks().set(1, with(b.chunks().get(1), REPORT.id(), 5)), "ordinal 5 at position 1"),
                bad("span that is not the source", b -> {
                    Chunk c = b.chunks().get(2);
                    b.chunks().set(2, new Chunk(null, c.reportId(), c.section(), 2, c.text(), c.cleanText(), c.start() + 1, c.end() + 1));
                }, "is not the source"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBatches")
    void a_bad_batch_is_refused_and_the_index_is_unchanged(String name, Consumer<Batch> spoil, String message) throws IOException {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            Batch batch = new Batch(new ArrayList<>(ParagraphChunks.of(REPORT, 3, 20)), new ArrayList<>(vectors(3)));
            spoil.accept(batch);
            try (ChunkIndexWriter writer = ChunkIndexWriter.open(directory, SETTINGS)) {
                IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                        () -> writer.upsertReport(REPORT, batch.chunks(), batch.vectors()));
                assertTrue(error.getMessage().contains(message), error.getMessage());
                writer.commit();
            }
            try (ChunkIndex index = ChunkIndex.open(directory, SETTINGS)) {
                assertEquals(0, index.info().chunkCount());
                assertTrue(index.info().reportHashes().isEmpty());
            }
        }
    }

    static Arguments bad(String name, Consumer<Batch> spoil, String message) {
        return Arguments.of(name, spoil, message);
    }

    static Chunk with(Chunk c, String reportId, int ordinal) {
        return new Chunk(null, reportId, c.section(), ordinal, c.text(), c.cleanText(), c.start(), c.end());
    }

    static List<float[]> vectors(int count) {
        java.util.Random random = new java.util.Random(7);
        return Stream.generate(() -> HashEmbedder.unit(random, 8)).limit(count).toList();
    }
}
