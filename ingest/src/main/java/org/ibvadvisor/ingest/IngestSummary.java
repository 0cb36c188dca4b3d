package org.ibvadvisor.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What an ingest did.
 *
 * @param added            ids of reports new to the index
 * @param replaced         ids of reports whose content changed and were re-indexed
 * @param unchanged        ids of reports skipped because their hash is unchanged
 * @param removed          ids of reports no longer in the corpus, removed from the index
 * @param chunksByReport   chunks written, by report id (only reports added or replaced)
 * @param chunksInIndex    chunks in the index after the commit
 * @param elapsed          wall time of the whole ingest
 * @param embedding        wall time spent in the embedder
 */
public record IngestSummary(List<String> added, List<String> replaced, List<String> unchanged, List<String> removed,
                            Map<String, Integer> chunksByReport, int chunksInIndex, Duration elapsed, Duration embedding) {
    public IngestSummary {
        added = List.copyOf(added);
        replaced = List.copyOf(replaced);
        unchanged = List.copyOf(unchanged);
        removed = List.copyOf(removed);
        chunksByReport = Map.copyOf(chunksByReport);
    }

    public int chunksWritten() {
        return chunksByReport.values().stream().mapToInt(Integer::intValue).sum();
    }

    public boolean changedNothing() {
        return added.isEmpty() && replaced.isEmpty() && removed.isEmpty();
    }
}
