package org.ibvadvisor.eval.bench;

import org.ibvadvisor.eval.metrics.Samples;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.ibvadvisor.chunk.Chunk;
import org.ibvadvisor.chunk.Chunker;
import org.ibvadvisor.chunk.StructureChunker;
import org.ibvadvisor.clean.CleanDocument;
import org.ibvadvisor.clean.Cleaner;
import org.ibvadvisor.clean.PdfTextCleaner;
import org.ibvadvisor.corpus.Corpus;
import org.ibvadvisor.corpus.CorpusReader;
import org.ibvadvisor.corpus.Report;
import org.ibvadvisor.embed.Embedder;
import org.ibvadvisor.index.ChunkIndexWriter;
import org.ibvadvisor.index.ChunkSentences;
import org.ibvadvisor.index.ContextualText;
import org.ibvadvisor.index.IndexSettings;
import org.ibvadvisor.ingest.IngestProgress;
import org.ibvadvisor.ingest.IngestSummary;
import org.ibvadvisor.ingest.Ingestor;

/**
 * Full-corpus ingest time against the bare embedder on the same batches.
 *
 * <p>Each round ingests the corpus into a fresh temporary index with the product's {@link Ingestor}; then the
 * embedder calls that ingest makes (recorded during an untimed first ingest: chunk texts and sentences, batch by
 * batch) go through {@link Embedder#embedPassages} alone. The ratio of the medians is what the ingest adds to the
 * model's own time. The stages around the model (reading, cleaning, chunking, writing the index and building its
 * HNSW graph on commit) are timed apart to show where that overhead goes.
 */
public final class IngestBench {
    private final Embedder embedder;
    private final Path corpus;
    private final int rounds;

    public IngestBench(Embedder embedder, Path corpus, int rounds) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.corpus = Objects.requireNonNull(corpus, "corpus");
        if (rounds < 1) throw new IllegalArgumentException("rounds must be at least 1, was " + rounds);
        this.rounds = rounds;
    }

    /** Median seconds of each part over the rounds. */
    public record Figures(int reports, int chunks, int texts, int batches, Samples ingest, Samples ingestEmbedding, Samples bare,
                          Samples read, Samples clean, Samples chunk, Samples write, Samples commit) {
        public double ratio() {
            return ingest.median() / bare.median();
        }
    }

    public Figures measure() {
        Corpus read = CorpusReader.withDefaultReaders().read(corpus);
        Cleaner cleaner = new PdfTextCleaner();
        Chunker chunker = new StructureChunker();
        List<List<Chunk>> chunked = read.reports().stream()
                .map(report -> chunker.chunk(report.id(), cleaner.clean(report.text()))).toList();

        // A first, untimed ingest loads and warms the session and records the embedder calls the ingest makes
        // (chunk texts and sentences, batch by batch): the bare embedder replays exactly those.
        RecordingEmbedder recorder = new RecordingEmbedder(embedder);
        Path warmUp = TempFolders.create("bench-ingest");
        try {
            Ingestor.standard(recorder).ingest(corpus, warmUp, true, IngestProgress.NONE);
        } finally {
            TempFolders.delete(warmUp);
        }
        List<List<String>> calls = recorder.calls();

        List<Double> ingest = new ArrayList<>(), ingestEmbedding = new ArrayList<>(), bare = new ArrayList<>();
        List<Double> reading = new ArrayList<>(), cleaning = new ArrayList<>(), chunking = new ArrayList<>();
        List<Double> writing = new ArrayList<>(), committing = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            Path index = TempFolders.create("bench-ingest");
            try {
                IngestSummary summary = Ingestor.standard(embedder).ingest(corpus, index, true, IngestProgress.NONE);
                ingest.add(summary.elapsed().toNanos() / 1e9);
                ingestEmbedding.add(summary.embedding().toNanos() / 1e9);
            } finally {
                TempFolders.delete(index);
            }

            long start = System.nanoTime();
            for (List<String> call : calls) embedder.embedPassages(call);
            bare.add(seconds(start));

            start = System.nanoTime();
            Corpus again = CorpusReader.withDefaultReaders().read(corpus);
            reading.add(seconds(start));
            start = System.nanoTime();
            List<CleanDocument> cleaned = again.reports().stream().map(report -> cleaner.clean(report.text())).toList();
            cleaning.add(seconds(start));
            start = System.nanoTime();
            List<List<Chunk>> chunks = new ArrayList<>();
            for (int i = 0; i < cleaned.size(); i++) chunks.add(chunker.chunk(again.reports().get(i).id(), cleaned.get(i)));
            chunking.add(seconds(start));
            double[] writeAndCommit = write(again.reports(), chunks, recorder);
            writing.add(writeAndCommit[0]);
            committing.add(writeAndCommit[1]);
        }
        int chunkCount = chunked.stream().mapToInt(List::size).sum();
        int texts = calls.stream().mapToInt(List::size).sum();
        return new Figures(read.reports().size(), chunkCount, texts, calls.size(), Samples.of(ingest),
                Samples.of(ingestEmbedding), Samples.of(bare), Samples.of(reading), Samples.of(cleaning),
                Samples.of(chunking), Samples.of(writing), Samples.of(committing));
    }

    /** Seconds to add every report (chunk and sentence vectors) to a fresh index, and seconds to commit it (HNSW graphs). */
    private double[] write(List<Report> reports, List<List<Chunk>> chunks, RecordingEmbedder embedded) {
        Path index = TempFolders.create("bench-write");
        try (ChunkIndexWriter writer = ChunkIndexWriter.rebuild(index,
                IndexSettings.forModel(embedder.modelId(), embedder.dimensions()))) {
            long start = System.nanoTime();
            for (int i = 0; i < reports.size(); i++) {
                List<Chunk> reportChunks = chunks.get(i);
                List<float[]> vectors = reportChunks.stream().map(c -> embedded.vector(ContextualText.of(c))).toList();
                List<List<float[]>> sentences = reportChunks.stream()
                        .map(c -> ChunkSentences.of(c).stream().map(embedded::vector).toList()).toList();
                writer.upsertReport(reports.get(i), reportChunks, vectors, sentences);
            }
            double write = seconds(start);
            start = System.nanoTime();
            writer.commit();
            return new double[] {write, seconds(start)};
        } finally {
            TempFolders.delete(index);
        }
    }

    /** An embedder that passes calls on and remembers each call's texts and each text's vector. */
    private static final class RecordingEmbedder extends PassageEmbedderWrapper {
        private final List<List<String>> calls = new ArrayList<>();
        private final Map<String, float[]> vectors = new HashMap<>();

        RecordingEmbedder(Embedder delegate) {
            super(delegate);
        }

        @Override
        public synchronized List<float[]> embedPassages(List<String> texts) {
            List<float[]> out = delegate.embedPassages(texts);
            calls.add(List.copyOf(texts));
            for (int i = 0; i < texts.size(); i++) vectors.put(texts.get(i), out.get(i));
            return out;
        }

        synchronized List<List<String>> calls() {
            return List.copyOf(calls);
        }

        synchronized float[] vector(String text) {
            float[] vector = vectors.get(text);
            if (vector == null) throw new IllegalStateException("the ingest never embedded: " + text);
            return vector;
        }
    }

    /** The report for BENCHMARKS.md. */
    public BenchReport report(Figures f, Machine machine, double loadBefore, String command) {
        Table table = new Table("measure", "median s", "min s", "max s");
        row(table, "ingest, whole corpus (fresh index)", f.ingest());
        row(table, "… of which in the embedder", f.ingestEmbedding());
        row(table, "bare embedder, same batches", f.bare());
        row(table, "read corpus", f.read());
        row(table, "clean", f.clean());
        row(table, "chunk", f.chunk());
        row(table, "index write (no commit)", f.write());
        row(table, "commit (HNSW graph, segments)", f.commit());
        double overhead = f.ingest().median() - f.bare().median();
        List<String> notes = List.of(
                String.format(Locale.ROOT, "%d reports, %d chunks; %d texts embedded (each chunk's contextual text and each of its "
                                + "sentences) in %d embedder calls, replayed alike for the bare embedder; %d rounds, each on a fresh "
                                + "temporary index, after an untimed one.",
                        f.reports(), f.chunks(), f.texts(), f.batches(), f.ingest().count()),
                String.format(Locale.ROOT, "Ingest / bare embedder = **%.3f×** (goal ≤ 1.15×); ingest median **%.2f s** (goal ≤ 10 s); %.1f chunks/s.",
                        f.ratio(), f.ingest().median(), f.chunks() / f.ingest().median()),
                String.format(Locale.ROOT, "The ingest spends %.2f s outside the model: read + clean + chunk %.2f s, index write + commit %.2f s.",
                        overhead, f.read().median() + f.clean().median() + f.chunk().median(), f.write().median() + f.commit().median()),
                "Embedding model: " + embedder.modelId() + ".");
        return new BenchReport("ingest", "Ingest", command, List.of(table), notes, machine, loadBefore,
                Machine.loadAverage(), Instant.now());
    }

    private static void row(Table table, String label, Samples samples) {
        table.row(label, BenchReport.fixed(samples.median(), 3), BenchReport.fixed(samples.min(), 3),
                BenchReport.fixed(samples.max(), 3));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
