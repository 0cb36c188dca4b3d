package org.ibvadvisor.index;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.store.FSDirectory;
import org.ibvadvisor.chunk.Chunk;
import org.ibvadvisor.corpus.Report;
import org.ibvadvisor.corpus.ReportMetadata;

/**
 * The child process of {@link CrashSafetyTest}: a big ingest into an existing index that announces each step
 * on stdout ({@code opened}, {@code wrote N}, {@code committing}, {@code committed}) so the parent can kill it there.
 * After committing it waits to be killed.
 */
public final class CrashingIngest {
    static final IndexSettings SETTINGS = IndexSettings.forModel("crash-test", 32);
    static final int ROUNDS = 2;
    static final String BIG_REPORT = "ceo-genai-guide";
    static final String CHANGED = "genai-compute-economics";
    static final String REMOVED = "ai-infrastructure";

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        Report big = ParagraphChunks.bundled(BIG_REPORT);
        // A small RAM buffer so that segments are flushed to disk (uncommitted) while writing, as in a big ingest.
        try (ChunkIndexWriter writer = new ChunkIndexWriter(folder.toString(), FSDirectory.open(folder), true, SETTINGS, false, 1.0)) {
            say("opened");
            Report changed = ParagraphChunks.bundled(CHANGED);
            changed = new Report(changed.metadata(), changed.source(), changed.text(), "changed-" + changed.contentHash());
            List<Chunk> changedChunks = ParagraphChunks.of(changed, 5, 20);
            writer.upsertReport(changed, changedChunks, vectors(changedChunks.size(), 1));
            writer.removeReport(REMOVED);
            for (int round = 0; round < ROUNDS; round++) {
                Report copy = bulkCopy(big, round);
                List<Chunk> chunks = ParagraphChunks.of(copy, Integer.MAX_VALUE, 1);
                writer.upsertReport(copy, chunks, vectors(chunks.size(), round));
                say("wrote " + round);
            }
            say("committing");
            writer.commit();
            say("committed");
            Thread.sleep(60_000);
        }
    }

    static Report bulkCopy(Report big, int round) {
        String id = "bulk-" + round;
        return new Report(new ReportMetadata(id, id, null, null, null, null, null), big.source(), big.text(), "hash-" + round);
    }

    static List<float[]> vectors(int count, long seed) {
        Random random = new Random(seed);
        return Stream.generate(() -> HashEmbedder.unit(random, SETTINGS.dimensions())).limit(count).toList();
    }

    private static void say(String step) {
        System.out.println(step);
        System.out.flush();
    }
}
