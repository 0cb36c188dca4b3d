package org.ibvadvisor.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.ibvadvisor.clean.PdfTextCleaner;
import org.ibvadvisor.corpus.Corpus;
import org.ibvadvisor.corpus.CorpusReader;
import org.ibvadvisor.corpus.MetadataJson;
import org.ibvadvisor.corpus.Report;
import org.ibvadvisor.embed.EmbeddingModelSpec;
import org.ibvadvisor.embed.OnnxEmbedder;
import org.ibvadvisor.testing.BundledIndex;
import org.ibvadvisor.testing.pdf.ReportPdfMaker;

/**
 * How much of an ingest of one PDF report goes into reading the PDF and cleaning its text: a bundled report
 * (argument: its file stem, default the largest, {@code 001_2887d1dc47ac7276}) laid out as a PDF, read and cleaned
 * a few times (median of the warm runs), then ingested whole with the product's pipeline. The goal is reading +
 * cleaning at most 15% of the ingest. Run it on a quiet machine: a busy core can double any figure.
 */
public final class PdfReadingShare {
    private static final int RUNS = 5;

    private PdfReadingShare() {
    }

    public static void main(String[] args) throws IOException {
        String stem = args.length > 0 ? args[0] : "001_2887d1dc47ac7276";
        Path folder = Files.createDirectories(Path.of("target", "pdf-reading-share", "corpus").toAbsolutePath());
        try (Stream<Path> old = Files.list(folder)) {
            for (Path file : old.toList()) Files.delete(file);
        }
        Report source = CorpusReader.withDefaultReaders().read(BundledIndex.corpus()).reports().stream()
                .filter(r -> r.source().getFileName().toString().startsWith(stem)).findFirst().orElseThrow();
        byte[] pdf = ReportPdfMaker.standard().make(source.metadata().titleZh(), source.text()).bytes();
        Files.write(folder.resolve(stem + ".pdf"), pdf);
        Files.writeString(folder.resolve(stem + ".meta.json"), MetadataJson.write(source.metadata()));

        CorpusReader reader = CorpusReader.withDefaultReaders();
        PdfTextCleaner cleaner = new PdfTextCleaner();
        long[] reading = new long[RUNS];
        long[] cleaning = new long[RUNS];
        int pages = 0;
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            Corpus corpus = reader.read(folder);
            long read = System.nanoTime();
            cleaner.clean(corpus.reports().getFirst().text());
            reading[run] = read - start;
            cleaning[run] = System.nanoTime() - read;
            pages = corpus.reports().getFirst().pageMap().pageCount();
        }
        IngestSummary ingest;
        try (OnnxEmbedder embedder = new OnnxEmbedder(EmbeddingModelSpec.BGE_SMALL_ZH_Q)) {
            ingest = Ingestor.standard(embedder).ingest(folder, folder.resolveSibling("index"), true, IngestProgress.NONE);
        }
        double readMs = median(reading) / 1e6;
        double cleanMs = median(cleaning) / 1e6;
        double ingestMs = ingest.elapsed().toNanos() / 1e6;
        double embedMs = ingest.embedding().toNanos() / 1e6;
        System.out.printf("%s: %d pages, %,d bytes, %d chunks%n", source.id(), pages, pdf.length, ingest.chunksWritten());
        System.out.printf("read PDF    %8.0f ms  (median of %d warm runs; the first, cold: %.0f ms)%n", readMs, RUNS - 1, reading[0] / 1e6);
        System.out.printf("clean text  %8.0f ms%n", cleanMs);
        System.out.printf("embed       %8.0f ms%n", embedMs);
        System.out.printf("ingest      %8.0f ms  (whole: read, clean, chunk, embed, index, commit)%n", ingestMs);
        System.out.printf("read + clean = %.1f%% of the ingest (goal: at most 15%%)%n", 100 * (readMs + cleanMs) / ingestMs);
    }

    /** Median of the runs after the first (JIT warm-up). */
    private static double median(long[] runs) {
        long[] warm = Arrays.copyOfRange(runs, 1, runs.length);
        Arrays.sort(warm);
        return warm[warm.length / 2];
    }
}
