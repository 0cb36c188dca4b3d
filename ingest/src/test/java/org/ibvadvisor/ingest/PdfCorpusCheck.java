package org.ibvadvisor.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ibvadvisor.chunk.Chunk;
import org.ibvadvisor.chunk.StructureChunker;
import org.ibvadvisor.clean.PdfTextCleaner;
import org.ibvadvisor.corpus.CorpusReader;
import org.ibvadvisor.corpus.MetadataJson;
import org.ibvadvisor.corpus.PageMap;
import org.ibvadvisor.corpus.Report;
import org.ibvadvisor.embed.EmbeddingModelSpec;
import org.ibvadvisor.embed.OnnxEmbedder;
import org.ibvadvisor.index.ChunkIndex;
import org.ibvadvisor.index.IndexSettings;
import org.ibvadvisor.testing.BundledIndex;
import org.ibvadvisor.testing.pdf.MadePdf;
import org.ibvadvisor.testing.pdf.PrintedTruth;
import org.ibvadvisor.testing.pdf.ReportPdfMaker;

/**
 * All five bundled reports laid out as PDFs ({@link ReportPdfMaker}, everything on) and ingested with the product's
 * pipeline into a fresh index under {@code target/pdf-corpus-check}: per report the pages, the sentences read back
 * on their printed page, the chunks from its text and from its PDF, and the chunks whose span maps to the pages it
 * was printed on. Exits 1 when any is off. A main, not a test: embedding the corpus takes minutes on two cores.
 * Run it with the ingest module's test classpath and the surefire JVM flags of the root POM.
 */
public final class PdfCorpusCheck {
    private PdfCorpusCheck() {
    }

    public static void main(String[] args) throws IOException {
        Path work = Path.of("target", "pdf-corpus-check").toAbsolutePath();
        Path corpus = Files.createDirectories(work.resolve("corpus"));
        try (Stream<Path> old = Files.list(corpus)) {
            for (Path file : old.toList()) Files.delete(file);
        }
        ReportPdfMaker maker = ReportPdfMaker.standard();
        Map<String, MadePdf> made = new LinkedHashMap<>();
        Map<String, Integer> textChunks = new LinkedHashMap<>();
        for (Report report : CorpusReader.withDefaultReaders().read(BundledIndex.corpus()).reports()) {
            String stem = report.source().getFileName().toString().replaceFirst("\\.txt$", "");
            MadePdf pdf = maker.make(report.metadata().titleZh(), report.text());
            Files.write(corpus.resolve(stem + ".pdf"), pdf.bytes());
            Files.writeString(corpus.resolve(stem + ".meta.json"), MetadataJson.write(report.metadata()));
            made.put(report.id(), pdf);
            textChunks.put(report.id(), new StructureChunker().chunk(report.id(), new PdfTextCleaner().clean(report.text())).size());
        }
        boolean ok = true;
        try (OnnxEmbedder embedder = new OnnxEmbedder(EmbeddingModelSpec.BGE_SMALL_ZH_Q)) {
            IngestSummary summary = Ingestor.standard(embedder).ingest(corpus, work.resolve("index"), true, IngestProgress.NONE);
            System.out.printf("ingested %d PDFs in %.1f s (embedding %.1f s)%n", made.size(),
                    summary.elapsed().toMillis() / 1000.0, summary.embedding().toMillis() / 1000.0);
            System.out.printf("%-26s %6s %18s %12s %11s %22s%n", "report", "pages", "sentences on page", "text chunks", "pdf chunks", "chunks on their pages");
            try (ChunkIndex index = ChunkIndex.open(work.resolve("index"), IndexSettings.forEmbedder(embedder))) {
                for (var entry : made.entrySet()) {
                    String id = entry.getKey();
                    String text = index.reportText(id).orElseThrow();
                    PageMap pages = index.pageMap(id).orElseThrow();
                    PrintedTruth truth = PrintedTruth.of(entry.getValue(), text, pages);
                    List<Chunk> chunks = index.chunksOf(id);
                    long right = chunks.stream()
                            .filter(c -> PdfIngestTest.printedPages(truth, text, c).equals(pages.pageRange(c.start(), c.end()))).count();
                    System.out.printf("%-26s %6d %10d / %-5d %12d %11d %14d / %-5d%n", id, pages.pageCount(), truth.sentencesOnPage(),
                            truth.sentences(), textChunks.get(id), chunks.size(), right, chunks.size());
                    truth.problems().forEach(problem -> System.out.println("    " + problem));
                    ok &= truth.problems().isEmpty() && right == chunks.size()
                            && Math.abs(chunks.size() - textChunks.get(id)) <= Math.max(3, textChunks.get(id) / 4);
                }
            }
        }
        System.out.println(ok ? "all right" : "SOMETHING IS OFF");
        if (!ok) System.exit(1);
    }
}
