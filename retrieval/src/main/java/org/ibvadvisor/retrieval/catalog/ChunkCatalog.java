package org.ibvadvisor.retrieval.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.ibvadvisor.chunk.Chunk;
import org.ibvadvisor.corpus.ReportMetadata;
import org.ibvadvisor.index.ChunkHit;
import org.ibvadvisor.index.ScoredChunk;
import org.ibvadvisor.retrieval.UnknownReportException;
import org.ibvadvisor.retrieval.store.ChunkStore;

/**
 * Every report of one state of a chunk store with its source text and its chunks in ordinal order, loaded once.
 * Immutable and thread-safe. The corpus is small (hundreds of chunks); a pooled benchmark of thousands of
 * one-chunk reports still fits easily.
 */
public final class ChunkCatalog {
    private final Map<String, ReportMetadata> reports;
    private final Map<String, String> texts;
    private final Map<String, List<Chunk>> chunksByReport;
    private final Map<String, Chunk> chunksById;

    private ChunkCatalog(Map<String, ReportMetadata> reports, Map<String, String> texts,
                         Map<String, List<Chunk>> chunksByReport) {
        this.reports = Collections.unmodifiableMap(reports);
        this.texts = Map.copyOf(texts);
        this.chunksByReport = Map.copyOf(chunksByReport);
        Map<String, Chunk> byId = new HashMap<>();
        chunksByReport.values().forEach(chunks -> chunks.forEach(chunk -> byId.put(chunk.id(), chunk)));
        this.chunksById = Map.copyOf(byId);
    }

    /** Reads every report, its text and its chunks from the store. */
    public static ChunkCatalog load(ChunkStore index) {
        Map<String, ReportMetadata> reports = new LinkedHashMap<>();
        Map<String, String> texts = new HashMap<>();
        Map<String, List<Chunk>> chunks = new HashMap<>();
        for (ReportMetadata report : index.reports()) {
            reports.put(report.id(), report);
            texts.put(report.id(), index.reportText(report.id()).orElse(""));
            chunks.put(report.id(), List.copyOf(index.chunksOf(report.id())));
        }
        return new ChunkCatalog(reports, texts, chunks);
    }

    /** Report metadata in corpus order. */
    public List<ReportMetadata> reports() {
        return List.copyOf(reports.values());
    }

    public Optional<ReportMetadata> report(String reportId) {
        return Optional.ofNullable(reports.get(reportId));
    }

    /** The full source text of a report, into which chunk spans index. */
    public String text(String reportId) {
        String text = texts.get(reportId);
        if (text == null) throw new UnknownReportException(Set.of(reportId));
        return text;
    }

    public Optional<Chunk> chunk(String chunkId) {
        return Optional.ofNullable(chunksById.get(chunkId));
    }

    /**
     * The chunks of ids-only search hits, in order, with their scores.
     *
     * @throws IllegalStateException when a hit is not in the catalog (it was loaded from another state of the store)
     */
    public List<ScoredChunk> resolve(List<ChunkHit> hits) {
        List<ScoredChunk> chunks = new ArrayList<>(hits.size());
        for (ChunkHit hit : hits) {
            Chunk chunk = chunksById.get(hit.chunkId());
            if (chunk == null) throw new IllegalStateException("chunk " + hit.chunkId() + " is not in the catalog; was it loaded from another state of the store?");
            chunks.add(new ScoredChunk(chunk, hit.score()));
        }
        return chunks;
    }

    /** Chunks of a report, position i holding ordinal i; empty for an unknown report. */
    public List<Chunk> chunksOf(String reportId) {
        return chunksByReport.getOrDefault(reportId, List.of());
    }

    /** Every chunk, report by report in corpus order. */
    public List<Chunk> chunks() {
        List<Chunk> all = new ArrayList<>(chunksById.size());
        reports.keySet().forEach(id -> all.addAll(chunksOf(id)));
        return all;
    }

    public int chunkCount() {
        return chunksById.size();
    }

    /**
     * @throws UnknownReportException naming every id of {@code reportIds} that the catalog does not hold
     */
    public void requireKnown(Set<String> reportIds) {
        Set<String> unknown = new TreeSet<>();
        for (String id : reportIds) if (!reports.containsKey(id)) unknown.add(id);
        if (!unknown.isEmpty()) throw new UnknownReportException(unknown);
    }
}
