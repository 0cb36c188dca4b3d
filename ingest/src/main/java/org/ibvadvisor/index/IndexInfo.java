package org.ibvadvisor.index;

import java.util.Map;
import java.util.Objects;

/**
 * What an index holds, from its last commit.
 *
 * @param settings     what it was built with
 * @param reportHashes content hash of every indexed report, by report id (sorted by id)
 * @param chunkCount   number of chunks over all reports
 */
public record IndexInfo(IndexSettings settings, Map<String, String> reportHashes, int chunkCount) {
    public IndexInfo {
        Objects.requireNonNull(settings, "settings");
        reportHashes = Map.copyOf(reportHashes);
    }
}
