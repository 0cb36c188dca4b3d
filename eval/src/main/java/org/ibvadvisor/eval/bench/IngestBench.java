package org.ibvadvisor.eval.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.ibvadvisor.index.ContextualText;
import org.ibvadvisor.index.IndexSettings;
import org.ibvadvisor.ingest.IngestProgress;
import org.ibvadvisor.ingest.IngestSummary;
import org.ibvadvisor.ingest.Ingestor;

/**
 * Full-corpus ingest time against the bare embedder on the same batches.
 *
 * <p>Each round ingests the corpus into a fresh temporary index with the product's {@link Ingestor}; then the
 * same contextual texts, cut into the same batches (per report, {@link Ingestor#DEFAULT_EMBED_BATCH} at a time),
 * go through {@link Embedder#embedPassages} alone. The ratio of the medians is what the ingest adds to the
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
    public record Figures(int reports, int chunks, int batches, Samples ingest, Samples ingestEmbedding, Samples bare,
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
        List<List<String>> batches = batches(chunked);
        embedder.embedPassages(batches.getFirst()); // loads and warms the session

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
            List<float[]> vectors = new ArrayList<>();
            for (List<String> batch : batches) vectors.addAll(embedder.embedPassages(batch));
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
            double[] writeAndCommit = write(again.reports(), chunks, vectors);
            writing.add(writeAndCommit[0]);
            committing.add(writeAndCommit[1]);
        }
        int chunkCount = chunked.stream().mapToInt(List::size).sum();
        return new Figures(read.reports().size(), chunkCount, batches.size(), Samples.of(ingest), Samples.of(ingestEmbedding),
                Samples.of(bare), Samples.of(reading), Samples.of(cleaning), Samples.of(chunking), Samples.of(writing),
                Samples.of(committing));
    }

    /** The contextual texts of each report, {@link Ingestor#DEFAULT_EMBED_BATCH} at a time, as the ingest cuts them. */
    static List<List<String>> batches(List<List<Chunk>> chunkedReports) {
        List<List<String>> batches = new ArrayList<>();
        for (List<Chunk> chunks : chunkedReports) {
            List<String> texts = chunks.stream().map(ContextualText::of).toList();
            for (int from = 0; from < texts.size(); from += Ingestor.DEFAULT_EMBED_BATCH) {
                batches.add(texts.subList(from, Math.min(texts.size(), from + Ingestor.DEFAULT_EMBED_BATCH)));
            }
        }
        return batches;
    }

    /** Seconds to add every report to a fresh index, and seconds to commit it (where the HNSW graph is built). */
    private double[] write(List<Report> reports, List<List<Chunk>> chunks, List<float[]> vectors) {
        Path index = TempFolders.create("bench-write");
        try (ChunkIndexWriter writer = ChunkIndexWriter.rebuild(index,
                IndexSettings.forModel(embedder.modelId(), embedder.dimensions()))) {
            long start = System.nanoTime();
            int from = 0;
            for (int i = 0; i < reports.size(); i++) {
                int to = from + chunks.get(i).size();
                writer.upsertReport(reports.get(i), chunks.get(i), vectors.subList(from, to));
                from = to;
            }
            double write = seconds(start);
            start = System.nanoTime();
            writer.commit();
            return new double[] {write, seconds(start)};
        } finally {
            TempFolders.delete(index);
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
                String.format(Locale.ROOT, "%d reports, %d chunks, %d embedder batches of up to %d; %d rounds, each on a fresh temporary index.",
                        f.reports(), f.chunks(), f.batches(), Ingestor.DEFAULT_EMBED_BATCH, f.ingest().count()),
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
