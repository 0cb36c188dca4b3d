package org.ibvadvisor.corpus.pdf;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDPageLabels;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.util.Version;
import org.ibvadvisor.corpus.CorpusException;
import org.ibvadvisor.corpus.ReportContent;
import org.ibvadvisor.corpus.ReportReader;

/**
 * Reads PDF reports with Apache PDFBox: lays out each page from its glyph positions ({@link PageLayout}: running
 * heads, feet and page numbers dropped, margin notes and callout boxes after the page's body, footnotes at its end,
 * columns one after the other, tables a row per line), writes the pages as one source text for the cleaner
 * ({@link SourceTextBuilder}) with the page of every char ({@link org.ibvadvisor.corpus.PageMap}, with the
 * document's page labels), and takes title, author, year and language from the document.
 *
 * <p>Refused with a {@link CorpusException} naming the file and the reason: a file over the size or page limit
 * ({@link PdfLimits}), one that is not a PDF or is cut off, a damaged one PDFBox cannot parse, one that needs a
 * password or forbids extracting its text, one without a text layer (scanned) and one whose text does not decode
 * (fonts without a Unicode map). Thread-safe: each call reads its own document.
 */
public final class PdfReportReader implements ReportReader {
    /** Bumped whenever the layout analysis changes what text it makes of a PDF. */
    static final int LAYOUT_VERSION = 2; // 2: a page's notes before a paragraph running on to the next page
    private static final String READER_VERSION = "pdfbox-" + Version.getVersion() + "/layout-" + LAYOUT_VERSION;

    private final PdfLimits limits;

    public PdfReportReader(PdfLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** A reader with the default limits: 100 MB and 1,000 pages. */
    public PdfReportReader() {
        this(PdfLimits.defaults());
    }

    @Override
    public Set<String> extensions() {
        return Set.of("pdf");
    }

    @Override
    public String read(Path file, byte[] bytes) {
        return readContent(file, bytes).text();
    }

    @Override
    public ReportContent readContent(Path file, byte[] bytes) {
        PdfFileCheck.check(file, bytes, limits);
        try (PDDocument document = load(file, bytes)) {
            checkAccess(file, document);
            List<String> labels = labels(document);
            TextLayerCounts counts = new TextLayerCounts();
            List<PageRuns> pages = pages(file, document, counts);
            TextLayerCheck.check(file, pages, counts);
            var furniture = Furniture.find(pages, labels);
            PageLayout layout = new PageLayout(DocumentStyle.of(pages, furniture));
            List<LaidOutPage> laidOut = pages.stream().map(page -> layout.layout(page, furniture)).toList();
            SourceText source = SourceTextBuilder.build(laidOut, labels);
            return new ReportContent(source.text(), source.pageMap(), PdfProperties.of(document, source.text()), READER_VERSION);
        } catch (IOException e) {
            throw new CorpusException(file, "cannot close the PDF: " + e.getMessage(), e);
        }
    }

    private static PDDocument load(Path file, byte[] bytes) {
        try {
            return Loader.loadPDF(bytes);
        } catch (InvalidPasswordException e) {
            throw new CorpusException(file, "encrypted PDF: it needs a password to open; save a copy without a password", e);
        } catch (IOException | RuntimeException e) {
            throw new CorpusException(file, "damaged PDF: it cannot be parsed (" + e.getMessage() + ")", e);
        }
    }

    private void checkAccess(Path file, PDDocument document) {
        if (document.isEncrypted() && !document.getCurrentAccessPermission().canExtractContent()) {
            throw new CorpusException(file, "encrypted PDF: its permissions forbid extracting its text; "
                    + "get a copy without that restriction");
        }
        int pages = document.getNumberOfPages();
        if (pages == 0) throw new CorpusException(file, "damaged PDF: it has no pages");
        if (pages > limits.maxPages()) {
            throw new CorpusException(file, "PDF too long: %,d pages, over the %,d-page limit for PDF files"
                    .formatted(pages, limits.maxPages()));
        }
    }

    /** The printed label of each page, or empty when the document defines none (or defines them badly). */
    private static List<String> labels(PDDocument document) {
        try {
            PDPageLabels labels = document.getDocumentCatalog().getPageLabels();
            if (labels == null) return List.of();
            String[] byIndex = labels.getLabelsByPageIndices();
            List<String> out = new ArrayList<>(document.getNumberOfPages());
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                out.add(i < byIndex.length && byIndex[i] != null ? byIndex[i] : Integer.toString(i + 1));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static List<PageRuns> pages(Path file, PDDocument document, TextLayerCounts counts) {
        int count = document.getNumberOfPages();
        PageRuns[] pages = new PageRuns[count];
        GlyphStripper stripper = new GlyphStripper(raw -> pages[raw.number() - 1] = PageRuns.of(raw), counts);
        try {
            stripper.writeText(document, Writer.nullWriter());
        } catch (IOException | RuntimeException e) {
            throw new CorpusException(file, "damaged PDF: its text cannot be read (" + e.getMessage() + ")", e);
        }
        for (int i = 0; i < count; i++) {
            if (pages[i] == null) {
                PDRectangle crop = document.getPage(i).getCropBox();
                pages[i] = PageRuns.empty(i + 1, crop.getWidth(), crop.getHeight());
            }
        }
        return Arrays.asList(pages);
    }
}
