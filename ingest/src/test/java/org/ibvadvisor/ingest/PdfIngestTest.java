package org.ibvadvisor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.ibvadvisor.chunk.Chunk;
import org.ibvadvisor.corpus.CorpusException;
import org.ibvadvisor.corpus.PageMap;
import org.ibvadvisor.corpus.PageRange;
import org.ibvadvisor.embed.EmbeddingModelSpec;
import org.ibvadvisor.embed.OnnxEmbedder;
import org.ibvadvisor.index.ChunkIndex;
import org.ibvadvisor.index.IndexSettings;
import org.ibvadvisor.testing.BundledIndex;
import org.ibvadvisor.testing.pdf.MadePdf;
import org.ibvadvisor.testing.pdf.PrintedTruth;
import org.ibvadvisor.testing.pdf.ReportPdfMaker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundled report laid out as a PDF and ingested with the product's pipeline (real cleaner, chunker, ONNX model,
 * Lucene): about as many chunks as from its text, each chunk's span on the pages it was printed on, the page map in
 * the index. The same check over all five bundled reports is {@link PdfCorpusCheck} (a main: it takes minutes).
 */
class PdfIngestTest {
    static final String REPORT = "004_ffa638bad9eb796a";
    static final String ID = "genai-compute-economics";

    static OnnxEmbedder embedder;
    static MadePdf made;

    @TempDir
    Path work;

    @BeforeAll
    static void loadModelAndMakePdf() throws IOException {
        embedder = new OnnxEmbedder(EmbeddingModelSpec.BGE_SMALL_ZH_Q);
        made = ReportPdfMaker.standard().make("利用生成式 AI 经济学超越竞争对手",
                Files.readString(BundledIndex.corpus().resolve(REPORT + ".txt")));
    }

    @AfterAll
    static void closeModel() {
        embedder.close();
    }

    @Test
    void a_pdf_report_is_chunked_like_its_text_and_every_chunk_is_on_the_pages_it_was_printed_on() throws IOException {
        Path textCorpus = corpus("text", REPORT + ".txt", Files.readAllBytes(BundledIndex.corpus().resolve(REPORT + ".txt")));
        Path pdfCorpus = corpus("pdf", REPORT + ".pdf", made.bytes());
        int fromText = Ingestor.standard(embedder).ingest(textCorpus, work.resolve("text-index"), false, IngestProgress.NONE).chunksWritten();

        IngestSummary summary = Ingestor.standard(embedder).ingest(pdfCorpus, work.resolve("pdf-index"), false, IngestProgress.NONE);

        assertEquals(List.of(ID), summary.added());
        int fromPdf = summary.chunksWritten();
        assertTrue(Math.abs(fromPdf - fromText) <= Math.max(3, fromText / 4),
                "chunks from the PDF: " + fromPdf + ", from the text: " + fromText);
        try (ChunkIndex index = open(work.resolve("pdf-index"))) {
            String text = index.reportText(ID).orElseThrow();
            PageMap pages = index.pageMap(ID).orElseThrow();
            PrintedTruth truth = PrintedTruth.of(made, text, pages);
            assertEquals(List.of(), truth.problems());
            assertEquals(made.pageCount(), pages.pageCount());
            List<String> wrong = new ArrayList<>();
            for (Chunk chunk : index.chunksOf(ID)) {
                PageRange printed = printedPages(truth, text, chunk);
                PageRange mapped = pages.pageRange(chunk.start(), chunk.end());
                if (!printed.equals(mapped)) wrong.add(chunk.id() + " printed on " + printed + ", mapped to " + mapped);
            }
            assertEquals(List.of(), wrong);
            assertTrue(index.chunksOf(ID).stream().map(c -> pages.pageRange(c.start(), c.end()).page()).distinct().count() >= made.pageCount() - 1,
                    "chunks on nearly every page");
        }
    }

    @Test
    void an_unchanged_pdf_is_skipped_on_the_next_ingest_and_a_bad_one_fails_it_leaving_the_index_as_it_was() throws IOException {
        Path corpus = corpus("pdf", REPORT + ".pdf", made.bytes());
        Path indexFolder = work.resolve("index");
        Ingestor ingestor = Ingestor.standard(embedder);
        IngestSummary first = ingestor.ingest(corpus, indexFolder, false, IngestProgress.NONE);

        assertTrue(ingestor.ingest(corpus, indexFolder, false, IngestProgress.NONE).changedNothing(), "read again, same hash");

        byte[] cut = Arrays.copyOf(made.bytes(), made.bytes().length / 2);
        Files.write(corpus.resolve("broken.pdf"), cut);
        CorpusException failure = assertThrows(CorpusException.class, () -> ingestor.ingest(corpus, indexFolder, false, IngestProgress.NONE));
        assertTrue(failure.getMessage().contains("broken.pdf") && failure.getMessage().contains("truncated"), failure.getMessage());
        try (ChunkIndex index = open(indexFolder)) {
            assertEquals(first.chunksInIndex(), index.info().chunkCount());
            assertEquals(Set.of(ID), index.info().reportHashes().keySet());
        }
    }

    /** The pages the first and the last printed char of a chunk's span were printed on. */
    static PageRange printedPages(PrintedTruth truth, String text, Chunk chunk) {
        int first = chunk.start();
        while (first < chunk.end() && truth.printedPageAt(first) == 0) first++;
        int last = chunk.end() - 1;
        while (last > first && truth.printedPageAt(last) == 0) last--;
        return new PageRange(truth.printedPageAt(first), truth.printedPageAt(last));
    }

    private Path corpus(String name, String file, byte[] bytes) throws IOException {
        Path folder = Files.createDirectories(work.resolve(name));
        Files.write(folder.resolve(file), bytes);
        String stem = file.substring(0, file.lastIndexOf('.'));
        Files.copy(BundledIndex.corpus().resolve(REPORT + ".meta.json"), folder.resolve(stem + ".meta.json"));
        return folder;
    }

    private ChunkIndex open(Path folder) {
        return ChunkIndex.open(folder, IndexSettings.forEmbedder(embedder));
    }
}
