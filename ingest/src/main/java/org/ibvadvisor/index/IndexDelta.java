package org.ibvadvisor.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.ibvadvisor.corpus.Report;

/**
 * What re-ingesting a corpus changes in an index, decided by content hash: new reports are added, reports
 * whose hash differs are replaced, equal ones are skipped, reports no longer in the corpus are removed.
 *
 * @param added     in the corpus, not in the index (corpus order)
 * @param changed   in both, with a different hash (corpus order)
 * @param unchanged in both, with the same hash (corpus order)
 * @param removed   ids in the index, not in the corpus (sorted)
 */
public record IndexDelta(List<Report> added, List<Report> changed, List<Report> unchanged, List<String> removed) {
    public IndexDelta {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        unchanged = List.copyOf(unchanged);
        removed = List.copyOf(removed);
    }

    /**
     * @param indexedHashes content hash by report id, as in the index ({@link ChunkIndexWriter#reportHashes()})
     * @param corpus        the reports as they are now
     */
    public static IndexDelta between(Map<String, String> indexedHashes, Collection<Report> corpus) {
        List<Report> added = new ArrayList<>();
        List<Report> changed = new ArrayList<>();
        List<Report> unchanged = new ArrayList<>();
        for (Report report : corpus) {
            String indexed = indexedHashes.get(report.id());
            if (indexed == null) added.add(report);
            else if (indexed.equals(report.contentHash())) unchanged.add(report);
            else changed.add(report);
        }
        Set<String> present = corpus.stream().map(Report::id).collect(Collectors.toSet());
        List<String> removed = new TreeSet<>(indexedHashes.keySet()).stream().filter(id -> !present.contains(id)).toList();
        return new IndexDelta(added, changed, unchanged, removed);
    }

    /** Reports to embed and write: added, then changed. */
    public List<Report> toWrite() {
        List<Report> reports = new ArrayList<>(added);
        reports.addAll(changed);
        return reports;
    }

    /** Whether applying this delta changes nothing. */
    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }
}
