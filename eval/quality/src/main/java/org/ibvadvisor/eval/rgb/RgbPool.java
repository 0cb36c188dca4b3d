package org.ibvadvisor.eval.rgb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ibvadvisor.chunk.Chunk;
import org.ibvadvisor.corpus.Report;
import org.ibvadvisor.corpus.ReportMetadata;
import org.ibvadvisor.embed.Embedder;
import org.ibvadvisor.index.ChunkIndex;
import org.ibvadvisor.index.ChunkIndexWriter;
import org.ibvadvisor.index.ChunkSentences;
import org.ibvadvisor.index.ContextualText;
import org.ibvadvisor.index.IndexSettings;
import org.ibvadvisor.retrieval.store.ChunkStore;
import org.ibvadvisor.retrieval.store.LuceneChunkStore;

/**
 * The pooled RGB passages as an index: one passage = one report with one chunk (so neighbours never merge),
 * built once per data file and model and cached under {@code cacheFolder/<data hash>-<model>}.
 */
public final class RgbPool {
    private static final int BATCH = 64;

    private RgbPool() {
    }

    /** Opens the cached pool index, building it first when there is none (a few minutes on two cores). */
    public static ChunkStore open(RgbData data, Path cacheFolder, Embedder embedder, Progress progress) {
        Path folder = cacheFolder.resolve(data.hash().substring(0, 16) + "-" + embedder.modelId() + "-s" + IndexSettings.SCHEMA_VERSION);
        IndexSettings settings = IndexSettings.forModel(embedder.modelId(), embedder.dimensions());
        if (!ChunkIndex.exists(folder)) build(data, folder, settings, embedder, progress);
        return LuceneChunkStore.open(folder, settings);
    }

    /** Told how far the embedding of the pool got. */
    public interface Progress {
        void embedded(int done, int total);

        Progress NONE = (done, total) -> {};
    }

    private static void build(RgbData data, Path folder, IndexSettings settings, Embedder embedder, Progress progress) {
        List<Map.Entry<String, String>> passages = new ArrayList<>(data.passages().entrySet());
        try (ChunkIndexWriter writer = ChunkIndexWriter.rebuild(folder, settings)) {
            for (int from = 0; from < passages.size(); from += BATCH) {
                List<Map.Entry<String, String>> batch = passages.subList(from, Math.min(passages.size(), from + BATCH));
                List<Chunk> chunks = batch.stream().map(e -> chunk(e.getKey(), e.getValue())).toList();
                List<float[]> vectors = embedder.embedPassages(chunks.stream().map(ContextualText::of).toList());
                List<List<String>> sentences = chunks.stream().map(ChunkSentences::of).toList();
                List<String> flat = sentences.stream().flatMap(List::stream).toList();
                List<float[]> sentenceVectors = new ArrayList<>(flat.size());
                for (int s = 0; s < flat.size(); s += BATCH) sentenceVectors.addAll(embedder.embedPassages(flat.subList(s, Math.min(flat.size(), s + BATCH))));
                int next = 0;
                for (int i = 0; i < batch.size(); i++) {
                    Map.Entry<String, String> passage = batch.get(i);
                    List<float[]> own = sentenceVectors.subList(next, next + sentences.get(i).size());
                    next += sentences.get(i).size();
                    writer.upsertReport(report(passage.getKey(), passage.getValue(), data.hash()), List.of(chunks.get(i)), List.of(vectors.get(i)),
                            List.of(List.copyOf(own)));
                }
                progress.embedded(from + batch.size(), passages.size());
            }
            writer.commit();
        }
    }

    private static Chunk chunk(String id, String text) {
        return new Chunk(null, id, List.of(), 0, text, text, 0, text.length());
    }

    private static Report report(String id, String text, String dataHash) {
        ReportMetadata metadata = new ReportMetadata(id, "RGB " + id, "RGB " + id, id, "RGB benchmark", null, "zh");
        return new Report(metadata, null, text, dataHash.substring(0, 16) + ":" + id);
    }
}
