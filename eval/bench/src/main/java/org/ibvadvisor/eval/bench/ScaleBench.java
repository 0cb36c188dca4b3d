package org.ibvadvisor.eval.bench;

import org.ibvadvisor.eval.metrics.Samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.ibvadvisor.chunk.Chunker;
import org.ibvadvisor.chunk.StructureChunker;
import org.ibvadvisor.clean.Cleaner;
import org.ibvadvisor.clean.PdfTextCleaner;
import org.ibvadvisor.corpus.CorpusReader;
import org.ibvadvisor.corpus.Report;
import org.ibvadvisor.embed.Embedder;
import org.ibvadvisor.index.ChunkIndex;
import org.ibvadvisor.index.ContextualText;
import org.ibvadvisor.index.IndexSettings;
import org.ibvadvisor.ingest.IngestProgress;
import org.ibvadvisor.ingest.IngestSummary;
import org.ibvadvisor.ingest.Ingestor;
import org.ibvadvisor.retrieval.Retrieval;
import org.ibvadvisor.retrieval.RetrievalRequest;
import org.ibvadvisor.retrieval.Retriever;
import org.ibvadvisor.retrieval.Retrievers;
import org.ibvadvisor.retrieval.store.LuceneChunkStore;

/**
 * Ingest time and retrieval latency as the corpus grows, on a {@link SyntheticCorpus} of RGB-zh passages and
 * varied copies of the reports, cut at a few sizes (in chunks).
 *
 * <p>Embedding tens of thousands of chunks on a small machine takes long, so passage vectors are kept in a
 * {@link CachingEmbedder} file: the first run embeds the largest corpus for real (that ingest is timed as a
 * whole), later runs and the smaller sizes find the vectors cached. Per size, the ingest is then timed with cached
 * vectors (reading, cleaning, chunking, Lucene analysis and the HNSW graph: what does not scale with the model
 * alone), and the model's share is added from the embedding rate measured on the same kind of text. Retrieval is
 * the hybrid retriever in this JVM ({@code timings.totalMs}, as {@code /api/retrieve} reports it) over the eval
 * questions.
 */
public final class ScaleBench {
    private final Path corpus;
    private final Map<String, String> rgbPassages;
    private final Path work;
    private final Path cacheFile;
    private final Embedder embedder;
    private final List<String> questions;
    private final List<Integer> sizes;
    private final Consumer<String> progress;
    private final Cleaner cleaner = new PdfTextCleaner();
    private final Chunker chunker = new StructureChunker();
    private final Map<String, Integer> chunkCounts = new HashMap<>();

    public ScaleBench(Path corpus, Map<String, String> rgbPassages, Path work, Path cacheFile, Embedder embedder,
                      List<String> questions, List<Integer> sizes, Consumer<String> progress) {
        this.corpus = Objects.requireNonNull(corpus, "corpus");
        this.rgbPassages = Objects.requireNonNull(rgbPassages, "rgbPassages");
        this.work = Objects.requireNonNull(work, "work");
        this.cacheFile = Objects.requireNonNull(cacheFile, "cacheFile");
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.questions = List.copyOf(questions);
        this.sizes = sizes.stream().sorted().toList();
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** One corpus size. */
    public record Size(int chunks, int reports, double chars, double ingestCachedSeconds, double embedSeconds,
                       double indexMb, double openSeconds, Samples total, Samples embed, Samples search) {
        public double ingestSeconds() {
            return ingestCachedSeconds + embedSeconds;
        }
    }

    /**
     * @param textsPerSecond the embedding rate in texts (chunk texts and sentences) a second, measured on cache misses or on a sample
     * @param fill            the ingest of the largest corpus that filled the cache, when it had to embed
     * @param fillMisses      passages that ingest embedded for real
     */
    public record Figures(List<Size> sizes, double textsPerSecond, String rateSource, IngestSummary fill, long fillMisses) {}

    public Figures measure() {
        List<Report> reports = CorpusReader.withDefaultReaders().read(corpus).reports();
        int perCopy = reports.stream().mapToInt(r -> chunker.chunk(r.id(), cleaner.clean(r.text())).size()).sum();
        int rgbChunks = SyntheticCorpus.of(List.of(), rgbPassages, 1).pieces().stream().mapToInt(this::chunks).sum();
        int largest = sizes.getLast();
        int copies = Math.max(1, (int) Math.ceil((largest - rgbChunks) / (double) perCopy) + 1);
        SyntheticCorpus synthetic = SyntheticCorpus.of(reports, rgbPassages, copies);
        progress.accept(String.format(Locale.ROOT, "synthetic corpus: %d RGB chunks + %d copies × %d report chunks", rgbChunks,
                copies, perCopy));

        try (CachingEmbedder cached = new CachingEmbedder(embedder, cacheFile)) {
            List<SyntheticCorpus.Piece> all = synthetic.prefix(largest, this::chunks);
            Path folder = work.resolve("corpus");
            SyntheticCorpus.write(all, folder);
            progress.accept("filling the embedding cache (" + cached.size() + " vectors cached) by ingesting "
                    + all.size() + " reports…");
            Path fillIndex = work.resolve("fill-index");
            IngestSummary fill = Ingestor.standard(cached).ingest(folder, fillIndex, true, logging(all.size()));
            TempFolders.delete(fillIndex);
            long misses = cached.misses();
            double rate;
            String rateSource;
            if (misses >= 1000) {
                rate = misses / cached.missSeconds();
                rateSource = "measured on the " + misses + " texts (chunks and their sentences) the filling ingest embedded";
            } else {
                rate = sampleRate(all);
                rateSource = "measured on a sample of 640 chunk texts of the synthetic corpus (sentences embed faster: an upper bound)";
            }
            progress.accept(String.format(Locale.ROOT, "embedding rate %.1f texts/s (%s)", rate, rateSource));

            List<Size> results = new ArrayList<>();
            for (int size : sizes) {
                List<SyntheticCorpus.Piece> pieces = synthetic.prefix(size, this::chunks);
                SyntheticCorpus.write(pieces, folder);
                Path index = work.resolve("index-" + size);
                long requestedBefore = cached.requested();
                IngestSummary ingest = Ingestor.standard(cached).ingest(folder, index, true, IngestProgress.NONE);
                double embedSeconds = (cached.requested() - requestedBefore) / rate; // every text the model would embed
                double chars = pieces.stream().mapToDouble(p -> p.text().length()).sum();
                results.add(retrieve(ingest, pieces.size(), chars, index, embedSeconds));
                Size last = results.getLast();
                progress.accept(String.format(Locale.ROOT, "%d chunks: ingest %.1f s with cached vectors (+ %.0f s embedding), "
                        + "retrieve p50 %.2f ms, p99 %.2f ms", last.chunks(), last.ingestCachedSeconds(), last.embedSeconds(),
                        last.total().p50(), last.total().p99()));
                TempFolders.delete(index);
            }
            TempFolders.delete(folder);
            return new Figures(results, rate, rateSource, misses > 0 ? fill : null, misses);
        }
    }

    private Size retrieve(IngestSummary ingest, int reports, double chars, Path folder, double embedSeconds) {
        double indexMb = sizeOf(folder) / 1e6;
        long start = System.nanoTime();
        try (ChunkIndex index = ChunkIndex.open(folder, IndexSettings.forModel(embedder.modelId(), embedder.dimensions()))) {
            Retriever retriever = new Retrievers(new LuceneChunkStore(index), embedder).hybrid();
            double open = (System.nanoTime() - start) / 1e9;
            List<Double> total = new ArrayList<>(), embed = new ArrayList<>(), search = new ArrayList<>();
            for (int round = -1; round < 2; round++) {
                for (String question : questions) {
                    Retrieval retrieval = retriever.retrieve(RetrievalRequest.of(question));
                    if (round < 0) continue;
                    total.add(retrieval.timings().totalMs());
                    embed.add(retrieval.timings().embedMs());
                    search.add(retrieval.timings().searchMs());
                }
            }
            int chunks = ingest.chunksInIndex();
            return new Size(chunks, reports, chars, ingest.elapsed().toNanos() / 1e9, embedSeconds, indexMb, open,
                    Samples.of(total), Samples.of(embed), Samples.of(search));
        }
    }

    /** Chunks per second of the bare embedder on 640 passages spread over the corpus. */
    private double sampleRate(List<SyntheticCorpus.Piece> pieces) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < pieces.size() && texts.size() < 640; i += Math.max(1, pieces.size() / 64)) {
            SyntheticCorpus.Piece piece = pieces.get(i);
            chunker.chunk(piece.metadata().id(), cleaner.clean(piece.text())).stream().limit(10)
                    .map(ContextualText::of).forEach(texts::add);
        }
        embedder.embedPassages(texts.subList(0, Math.min(32, texts.size())));
        long start = System.nanoTime();
        for (int from = 0; from < texts.size(); from += Ingestor.DEFAULT_EMBED_BATCH) {
            embedder.embedPassages(texts.subList(from, Math.min(texts.size(), from + Ingestor.DEFAULT_EMBED_BATCH)));
        }
        return texts.size() / ((System.nanoTime() - start) / 1e9);
    }

    private int chunks(SyntheticCorpus.Piece piece) {
        return chunkCounts.computeIfAbsent(piece.metadata().id(),
                id -> chunker.chunk(id, cleaner.clean(piece.text())).size());
    }

    private IngestProgress logging(int reports) {
        return new IngestProgress() {
            private int total;
            private int done;
            private long lastLog = System.nanoTime();

            @Override
            public void embeddingStarted(int reportCount, int chunks) {
                total = chunks;
            }

            @Override
            public void embedded(String reportId, int chunks) {
                done += chunks;
                if (System.nanoTime() - lastLog > 30e9) {
                    lastLog = System.nanoTime();
                    progress.accept(String.format(Locale.ROOT, "embedded %d/%d chunks of %d reports", done, total, reports));
                }
            }
        };
    }

    private static long sizeOf(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The latency (and ingest) against corpus size, as SVG. */
    public static String plot(Figures f) {
        double[] chunks = f.sizes().stream().mapToDouble(Size::chunks).toArray();
        return new LinePlot("Retrieve latency against corpus size", "chunks in the index", "ms (hybrid retrieve, warm)")
                .add(new LinePlot.Series("p50", chunks, f.sizes().stream().mapToDouble(s -> s.total().p50()).toArray()))
                .add(new LinePlot.Series("p99", chunks, f.sizes().stream().mapToDouble(s -> s.total().p99()).toArray()))
                .add(new LinePlot.Series("p50 search part (without query embedding)", chunks,
                        f.sizes().stream().mapToDouble(s -> s.search().p50()).toArray()))
                .svg();
    }

    public static BenchReport report(Figures f, Machine machine, double loadBefore, String command, String plotLink) {
        Table table = new Table("chunks", "reports", "M chars", "index MB", "ingest s (vectors cached)",
                "+ embedding s (at rate)", "= ingest s", "s / 1K chunks", "open s", "retrieve p50 ms", "p99 ms",
                "search p50 ms");
        for (Size s : f.sizes()) {
            table.row(s.chunks(), s.reports(), BenchReport.fixed(s.chars() / 1e6, 1), BenchReport.fixed(s.indexMb(), 0),
                    BenchReport.fixed(s.ingestCachedSeconds(), 1), BenchReport.fixed(s.embedSeconds(), 0),
                    BenchReport.fixed(s.ingestSeconds(), 0), BenchReport.fixed(1000 * s.ingestSeconds() / s.chunks(), 1),
                    BenchReport.fixed(s.openSeconds(), 1), BenchReport.ms(s.total().p50()), BenchReport.ms(s.total().p99()),
                    BenchReport.ms(s.search().p50()));
        }
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "Embedding rate %.1f texts/s (%s); the embedding column is each size's texts at that rate.", f.textsPerSecond(), f.rateSource()));
        if (f.fill() != null) {
            notes.add(String.format(Locale.ROOT, "The first ingest of the largest corpus embedded %d texts for real: %.0f s in all "
                    + "(%.0f s in the embedder) for %d chunks.", f.fillMisses(), f.fill().elapsed().toNanos() / 1e9,
                    f.fill().embedding().toNanos() / 1e9, f.fill().chunksInIndex()));
        }
        Size largest = f.sizes().getLast();
        notes.add(String.format(Locale.ROOT, "At %d chunks: retrieve p50 **%.2f ms** (goal ≤ 20 ms), p99 %.2f ms.",
                largest.chunks(), largest.total().p50(), largest.total().p99()));
        notes.add("Plot: " + plotLink + ".");
        return new BenchReport("scale", "Scale (synthetic corpus: RGB-zh passages + varied copies of the reports)", command,
                List.of(table), notes, machine, loadBefore, Machine.loadAverage(), Instant.now());
    }
}
