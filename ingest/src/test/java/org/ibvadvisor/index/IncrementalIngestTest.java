package org.ibvadvisor.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ibvadvisor.chunk.Chunk;
import org.ibvadvisor.corpus.Corpus;
import org.ibvadvisor.corpus.CorpusReader;
import org.ibvadvisor.corpus.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-ingesting a changed corpus folder: unchanged reports are skipped, changed replaced, deleted removed. */
class IncrementalIngestTest {
    static final IndexSettings SETTINGS = IndexSettings.forModel("hash-test", 16);

    @TempDir
    Path corpusFolder;
    @TempDir
    Path indexFolder;

    final HashEmbedder embedder = new HashEmbedder("hash-test", 16);

    @Test
    void re_ingest_skips_unchanged_replaces_changed_and_removes_deleted_reports() throws IOException {
        writeReport("a", "genai-compute-economics", 0);
        writeReport("b", "ai-infrastructure", 0);
        writeReport("c", "super-ecosystems", 0);
        IndexDelta first = ingest();
        assertEquals(List.of("a", "b", "c"), first.added().stream().map(Report::id).toList());
        List<Chunk> chunksOfA = chunksOf("a");
        String removedSentence = read(c -> c.chunksOf("c").get(2).cleanText());

        writeReport("b", "ai-infrastructure", 1);             // changed: other paragraphs
        Files.delete(corpusFolder.resolve("c.txt"));           // removed
        Files.delete(corpusFolder.resolve("c.meta.json"));
        writeReport("d", "enterprise-genai-market", 0);        // added
        int embeddedBefore = embedder.embedded.get();
        IndexDelta second = ingest();

        assertEquals(List.of("d"), second.added().stream().map(Report::id).toList());
        assertEquals(List.of("b"), second.changed().stream().map(Report::id).toList());
        assertEquals(List.of("a"), second.unchanged().stream().map(Report::id).toList());
        assertEquals(List.of("c"), second.removed());
        Corpus corpus = CorpusReader.withDefaultReaders().read(corpusFolder);
        assertEquals(chunkCount(corpus, "b") + chunkCount(corpus, "d"), embedder.embedded.get() - embeddedBefore,
                "only changed and added reports are embedded");
        read(index -> {
            assertEquals(hashes(corpus), index.info().reportHashes());
            assertEquals(chunksOfA, index.chunksOf("a"), "the unchanged report is untouched");
            assertEquals(ParagraphChunks.of(report(corpus, "b"), 6, 20), index.chunksOf("b"), "the changed report has only its new chunks");
            assertEquals(List.of(), index.chunksOf("c"));
            assertTrue(index.report("c").isEmpty());
            index.searchText(LexicalField.BIGRAM, removedSentence, 10, null)
                    .forEach(hit -> assertTrue(!hit.chunk().reportId().equals("c"), hit.toString()));
            assertEquals(index.info().chunkCount(), index.chunksOf("a").size() + index.chunksOf("b").size() + index.chunksOf("d").size());
            return null;
        });

        int embeddedBeforeThird = embedder.embedded.get();
        IndexDelta third = ingest();
        assertTrue(third.isEmpty(), third.toString());
        assertEquals(embeddedBeforeThird, embedder.embedded.get(), "nothing changed, nothing embedded");
    }

    @Test
    void changing_only_the_metadata_of_a_report_replaces_it() throws IOException {
        writeReport("a", "genai-compute-economics", 0);
        ingest();

        Files.writeString(corpusFolder.resolve("a.meta.json"), "{\"id\":\"a\",\"titleZh\":\"新标题\"}");
        IndexDelta delta = ingest();

        assertEquals(List.of("a"), delta.changed().stream().map(Report::id).toList());
        assertEquals("新标题", read(index -> index.report("a").orElseThrow().titleZh()));
    }

    @Test
    void the_delta_is_decided_by_hash_alone() {
        Report same = report("same", "h1");
        Report changed = report("changed", "h2-new");
        Report fresh = report("fresh", "h3");

        IndexDelta delta = IndexDelta.between(Map.of("same", "h1", "changed", "h2", "gone", "h4", "also-gone", "h5"),
                List.of(fresh, same, changed));

        assertEquals(List.of(fresh), delta.added());
        assertEquals(List.of(changed), delta.changed());
        assertEquals(List.of(same), delta.unchanged());
        assertEquals(List.of("also-gone", "gone"), delta.removed());
        assertEquals(List.of(fresh, changed), delta.toWrite());
    }

    /** The orchestrator's loop, as the ingest command runs it. */
    IndexDelta ingest() {
        Corpus corpus = CorpusReader.withDefaultReaders().read(corpusFolder);
        try (ChunkIndexWriter writer = ChunkIndexWriter.open(indexFolder, SETTINGS)) {
            IndexDelta delta = IndexDelta.between(writer.reportHashes(), corpus.reports());
            for (Report report : delta.toWrite()) {
                List<Chunk> chunks = ParagraphChunks.of(report, 6, 20);
                writer.upsertReport(report, chunks, embedder.embedPassages(chunks.stream().map(ContextualText::of).toList()));
            }
            delta.removed().forEach(writer::removeReport);
            writer.commit();
            return delta;
        }
    }

    /** Writes paragraphs of a bundled report as {@code <id>.txt}; {@code variant} picks which paragraphs. */
    void writeReport(String id, String bundledId, int variant) throws IOException {
        List<Chunk> paragraphs = ParagraphChunks.of(ParagraphChunks.bundled(bundledId), 20, 20);
        StringBuilder text = new StringBuilder();
        for (int i = variant; i < paragraphs.size(); i += 2) text.append(paragraphs.get(i).text()).append("\n\n");
        Files.writeString(corpusFolder.resolve(id + ".txt"), text);
        Files.writeString(corpusFolder.resolve(id + ".meta.json"), "{\"id\":\"" + id + "\",\"titleZh\":\"" + bundledId + "\"}");
    }

    <T> T read(java.util.function.Function<ChunkIndex, T> reader) {
        try (ChunkIndex index = ChunkIndex.open(indexFolder, SETTINGS)) {
            return reader.apply(index);
        }
    }

    List<Chunk> chunksOf(String id) {
        return read(index -> index.chunksOf(id));
    }

    static int chunkCount(Corpus corpus, String id) {
        return ParagraphChunks.of(report(corpus, id), 6, 20).size();
    }

    static Report report(Corpus corpus, String id) {
        return corpus.reports().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    static Map<String, String> hashes(Corpus corpus) {
        return corpus.reports().stream().collect(java.util.stream.Collectors.toMap(Report::id, Report::contentHash));
    }

    static Report report(String id, String hash) {
        return new Report(new org.ibvadvisor.corpus.ReportMetadata(id, null, null, null, null, null, null), null, "text", hash);
    }
}
