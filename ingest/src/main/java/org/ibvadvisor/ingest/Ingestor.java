package org.ibvadvisor.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ibvadvisor.chunk.Chunk;
import org.ibvadvisor.chunk.Chunker;
import org.ibvadvisor.chunk.StructureChunker;
import org.ibvadvisor.clean.Cleaner;
import org.ibvadvisor.clean.PdfTextCleaner;
import org.ibvadvisor.corpus.Corpus;
import org.ibvadvisor.corpus.CorpusReader;
import org.ibvadvisor.corpus.Report;
import org.ibvadvisor.embed.Embedder;
import org.ibvadvisor.index.ChunkIndex;
import org.ibvadvisor.index.ChunkIndexWriter;
import org.ibvadvisor.index.ChunkSentences;
import org.ibvadvisor.index.ContextualText;
import org.ibvadvisor.index.IndexDelta;
import org.ibvadvisor.index.IndexSettings;

/**
 * Brings an index up to date with a corpus folder: reads every report, skips those whose content hash the index
 * already holds, cleans, chunks and embeds the rest, removes reports that left the corpus, and commits all of it
 * at once. A failure or a kill before the commit leaves the previous index as it was. Reports are cleaned and
 * chunked in parallel, and each is written to the index while the next is embedded.
 */
public final class Ingestor {
    private final CorpusReader corpusReader;
    private final Cleaner cleaner;
    private final Chunker chunker;
    private final Embedder embedder;
    private final int embedBatch;

    /** Chunks handed to the embedder at a time (progress is reported per batch). */
    public static final int DEFAULT_EMBED_BATCH = 32;

    /**
     * @param embedBatch how many chunks to hand the embedder at a time (progress is reported per batch)
     */
    public Ingestor(CorpusReader corpusReader, Cleaner cleaner, Chunker chunker, Embedder embedder, int embedBatch) {
        this.corpusReader = Objects.requireNonNull(corpusReader, "corpusReader");
        this.cleaner = Objects.requireNonNull(cleaner, "cleaner");
        this.chunker = Objects.requireNonNull(chunker, "chunker");
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        if (embedBatch < 1) throw new IllegalArgumentException("embedBatch must be at least 1: " + embedBatch);
        this.embedBatch = embedBatch;
    }

    /** The product's pipeline: the default readers, the PDF-text cleaner and the structure chunker. */
    public static Ingestor standard(Embedder embedder) {
        return new Ingestor(CorpusReader.withDefaultReaders(), new PdfTextCleaner(), new StructureChunker(), embedder,
                DEFAULT_EMBED_BATCH);
    }

    /**
     * @param corpusFolder the reports
     * @param indexFolder  the index to update (created when missing)
     * @param rebuild      start from an empty index (needed after changing the embedding model or schema)
     */
    public IngestSummary ingest(Path corpusFolder, Path indexFolder, boolean rebuild, IngestProgress progress) {
        long started = System.nanoTime();
        Corpus corpus = corpusReader.read(corpusFolder);
        IndexSettings settings = IndexSettings.forModel(embedder.modelId(), embedder.dimensions());
        IndexDelta delta;
        Map<String, Integer> chunksByReport = new LinkedHashMap<>();
        long embedNanos = 0;
        try (ChunkIndexWriter writer = rebuild ? ChunkIndexWriter.rebuild(indexFolder, settings)
                : ChunkIndexWriter.open(indexFolder, settings)) {
            delta = IndexDelta.between(writer.reportHashes(), corpus.reports());
            List<ChunkedReport> chunked = delta.toWrite().parallelStream().map(this::chunk).toList();
            progress.embeddingStarted(chunked.size(), chunked.stream().mapToInt(c -> c.chunks().size()).sum());

            // A report is written (analysed, its vectors added to the graph) while the next one is embedded.
            try (ExecutorService writing = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "ingest-writer");
                thread.setDaemon(true);
                return thread;
            })) {
                Future<?> written = CompletableFuture.completedFuture(null);
                for (ChunkedReport report : chunked) {
                    long embedStart = System.nanoTime();
                    List<float[]> vectors = new ArrayList<>();
                    List<List<float[]>> sentenceVectors = new ArrayList<>();
                    embed(report, vectors, sentenceVectors, progress);
                    embedNanos += System.nanoTime() - embedStart;
                    await(written);
                    written = writing.submit(() -> writer.upsertReport(report.report(), report.chunks(), vectors,
                            sentenceVectors));
                    chunksByReport.put(report.report().id(), report.chunks().size());
                }
                await(written);
            }
            delta.removed().forEach(writer::removeReport);
            progress.committing();
            if (!delta.isEmpty() || rebuild) writer.commit();
        }
        int chunksInIndex;
        try (ChunkIndex index = ChunkIndex.open(indexFolder, settings)) {
            chunksInIndex = index.info().chunkCount();
        }
        return new IngestSummary(ids(delta.added()), ids(delta.changed()), ids(delta.unchanged()), delta.removed(),
                chunksByReport, chunksInIndex, Duration.ofNanos(System.nanoTime() - started), Duration.ofNanos(embedNanos));
    }

    /** Waits for a write; its failure is thrown here, as it would have been had the write run on this thread. */
    private static void await(Future<?> write) {
        try {
            write.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) throw failure;
            if (e.getCause() instanceof Error error) throw error;
            throw new IllegalStateException("writing the index failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the index", e);
        }
    }

    private ChunkedReport chunk(Report report) {
        return new ChunkedReport(report, chunker.chunk(report.id(), cleaner.clean(report.text())));
    }

    /** Embeds each chunk's contextual text and each of its sentences ({@link ChunkSentences}), batch by batch of chunks. */
    private void embed(ChunkedReport report, List<float[]> vectors, List<List<float[]>> sentenceVectors, IngestProgress progress) {
        List<Chunk> chunks = report.chunks();
        for (int from = 0; from < chunks.size(); from += embedBatch) {
            List<Chunk> batch = chunks.subList(from, Math.min(chunks.size(), from + embedBatch));
            vectors.addAll(embedder.embedPassages(batch.stream().map(ContextualText::of).toList()));
            List<List<String>> sentences = batch.stream().map(ChunkSentences::of).toList();
            List<String> flat = sentences.stream().flatMap(List::stream).toList();
            List<float[]> embedded = new ArrayList<>(flat.size());
            for (int s = 0; s < flat.size(); s += embedBatch) embedded.addAll(embedder.embedPassages(flat.subList(s, Math.min(flat.size(), s + embedBatch))));
            int next = 0;
            for (List<String> chunkSentences : sentences) {
                sentenceVectors.add(List.copyOf(embedded.subList(next, next + chunkSentences.size())));
                next += chunkSentences.size();
            }
            progress.embedded(report.report().id(), batch.size());
        }
    }

    private static List<String> ids(List<Report> reports) {
        return reports.stream().map(Report::id).toList();
    }

    private record ChunkedReport(Report report, List<Chunk> chunks) {}
}
