package org.ibvadvisor.retrieval.passage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ibvadvisor.chunk.Chunk;
import org.ibvadvisor.corpus.ReportMetadata;
import org.ibvadvisor.retrieval.Passage;
import org.ibvadvisor.retrieval.catalog.ChunkCatalog;
import org.ibvadvisor.retrieval.fuse.Fused;

/**
 * Makes at most {@code k} passages from fused chunks, best first. A chunk next to one already taken from the same
 * report (ordinal one before or after) joins it, up to {@code maxChunksPerPassage} chunks, and the passage becomes the
 * union span, its text exactly {@code reportText.substring(start, end)}; it keeps the rank of its best chunk, and
 * under each signal the best rank of its chunks. With {@code maxChunksPerPassage} 1 every chunk is its own passage.
 * Thread-safe.
 */
public final class PassageAssembler {
    private final ChunkCatalog catalog;
    private final int maxChunksPerPassage;

    public PassageAssembler(ChunkCatalog catalog, int maxChunksPerPassage) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        if (maxChunksPerPassage < 1) {
            throw new IllegalArgumentException("maxChunksPerPassage must be at least 1: " + maxChunksPerPassage);
        }
        this.maxChunksPerPassage = maxChunksPerPassage;
    }

    /** @param fused best first */
    public List<Passage> assemble(List<Fused> fused, int k) {
        List<Group> groups = new ArrayList<>(k);
        for (Fused candidate : fused) {
            Group joined = null;
            for (Group group : groups) {
                if (group.absorbs(candidate, maxChunksPerPassage)) {
                    joined = group;
                    break;
                }
            }
            if (joined == null) {
                if (groups.size() == k) break;
                groups.add(new Group(candidate));
            } else {
                coalesce(groups, joined);
            }
        }
        List<Passage> passages = new ArrayList<>(groups.size());
        for (Group group : groups) passages.add(group.toPassage(catalog));
        return passages;
    }

    /** Joins a grown group with a later group it now touches (a chunk bridged the gap), when both fit in one passage. */
    private void coalesce(List<Group> groups, Group grown) {
        for (int i = groups.indexOf(grown) + 1; i < groups.size(); i++) {
            Group other = groups.get(i);
            if (other.reportId.equals(grown.reportId) && grown.touches(other) && grown.size + other.size <= maxChunksPerPassage) {
                grown.takeIn(other);
                groups.remove(i);
                return;
            }
        }
    }

    /** Consecutive chunks of one report, taken for one passage. */
    private static final class Group {
        final String reportId;
        final double score;
        final Map<String, Integer> ranks;
        Chunk first;
        Chunk last;
        int size = 1;

        Group(Fused seed) {
            this.reportId = seed.chunk().reportId();
            this.score = seed.score();
            this.ranks = new HashMap<>(seed.ranks());
            this.first = seed.chunk();
            this.last = seed.chunk();
        }

        /** Takes the candidate in when it is this group's chunk or next to it; says whether it did. */
        boolean absorbs(Fused candidate, int maxChunks) {
            Chunk chunk = candidate.chunk();
            if (!chunk.reportId().equals(reportId)) return false;
            int ordinal = chunk.ordinal();
            boolean inside = ordinal >= first.ordinal() && ordinal <= last.ordinal();
            boolean before = ordinal == first.ordinal() - 1;
            boolean after = ordinal == last.ordinal() + 1;
            if (!inside && (size >= maxChunks || !(before || after))) return false;
            if (before) first = chunk;
            if (after) last = chunk;
            if (!inside) size++;
            candidate.ranks().forEach((signal, rank) -> ranks.merge(signal, rank, Math::min));
            return true;
        }

        boolean touches(Group other) {
            return other.first.ordinal() == last.ordinal() + 1 || other.last.ordinal() == first.ordinal() - 1;
        }

        void takeIn(Group other) {
            if (other.first.ordinal() < first.ordinal()) first = other.first;
            if (other.last.ordinal() > last.ordinal()) last = other.last;
            size += other.size;
            other.ranks.forEach((signal, rank) -> ranks.merge(signal, rank, Math::min));
        }

        Passage toPassage(ChunkCatalog catalog) {
            String title = catalog.report(reportId).map(ReportMetadata::titleZh).orElse(reportId);
            if (first == last) {
                return new Passage(first.id(), reportId, title, first.section(), first.text(), first.start(), first.end(),
                        score, ranks);
            }
            int start = Math.min(first.start(), last.start());
            int end = Math.max(first.end(), last.end());
            String text = catalog.text(reportId).substring(start, end);
            return new Passage(reportId + "#" + first.ordinal() + "-" + last.ordinal(), reportId, title, first.section(),
                    text, start, end, score, ranks);
        }
    }
}
