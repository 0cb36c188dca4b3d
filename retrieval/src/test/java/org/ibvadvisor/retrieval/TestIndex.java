package org.ibvadvisor.retrieval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.ibvadvisor.chunk.Chunk;
import org.ibvadvisor.corpus.Report;
import org.ibvadvisor.corpus.ReportMetadata;
import org.ibvadvisor.embed.Embedder;
import org.ibvadvisor.index.ChunkIndex;
import org.ibvadvisor.index.ChunkIndexWriter;
import org.ibvadvisor.index.ChunkSentences;
import org.ibvadvisor.index.ContextualText;
import org.ibvadvisor.index.IndexSettings;
import org.ibvadvisor.retrieval.store.LuceneChunkStore;

/**
 * A small real index in memory: each report's paragraphs (separated by a blank line) are its chunks, with their
 * exact spans, under the section given, and with their sentences' vectors. Close it after use.
 */
public final class TestIndex implements AutoCloseable {
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final ChunkIndex index;
    private final LuceneChunkStore store;
    private final Map<String, String> texts;

    private TestIndex(Map<String, String> texts, Embedder embedder) {
        this.texts = texts;
        IndexSettings settings = IndexSettings.forModel(embedder.modelId(), embedder.dimensions());
        try (ChunkIndexWriter writer = ChunkIndexWriter.rebuild(directory, settings)) {
            texts.forEach((id, text) -> write(writer, id, text, embedder));
            writer.commit();
        }
        this.index = ChunkIndex.open(directory, settings);
        this.store = new LuceneChunkStore(index);
    }

    /** @param texts report id to source text, in corpus order */
    public static TestIndex of(Map<String, String> texts, Embedder embedder) {
        return new TestIndex(new LinkedHashMap<>(texts), embedder);
    }

    /** The index as retrieval sees it. */
    public LuceneChunkStore store() {
        return store;
    }

    /** The index itself, for its full searches (chunks read from the stored fields). */
    public ChunkIndex index() {
        return index;
    }

    public String text(String reportId) {
        return texts.get(reportId);
    }

    /** Writes (uncommitted) one report whose paragraphs are its chunks, with their chunk and sentence vectors. */
    public static void write(ChunkIndexWriter writer, String id, String text, Embedder embedder) {
        List<Chunk> chunks = paragraphs(id, text);
        writer.upsertReport(new Report(new ReportMetadata(id, "报告 " + id, "Report " + id, id, "test", 2024, "zh"),
                null, text, "hash-" + id), chunks, embedder.embedPassages(chunks.stream().map(ContextualText::of).toList()),
                chunks.stream().map(chunk -> embedder.embedPassages(ChunkSentences.of(chunk))).toList());
    }

    static List<Chunk> paragraphs(String reportId, String text) {
        List<Chunk> chunks = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf("\n\n", start);
            if (end < 0) end = text.length();
            String piece = text.substring(start, end);
            if (!piece.isBlank()) {
                chunks.add(new Chunk(null, reportId, List.of("第" + (chunks.size() / 2 + 1) + "节"), chunks.size(), piece, piece.strip(), start, end));
            }
            start = end + 2;
        }
        return chunks;
    }

    @Override
    public void close() throws Exception {
        store.close();
        directory.close();
    }
}
