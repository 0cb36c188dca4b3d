package org.ibvadvisor.corpus.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.ibvadvisor.clean.CorpusReports;
import org.ibvadvisor.corpus.CorpusException;
import org.ibvadvisor.testing.pdf.ReportPdfMaker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** PDFs that cannot be indexed are refused with an error that names the file and says why; each is made here. */
class BadPdfTest {
    static final Path FILE = Path.of("corpus", "report.pdf");
    static byte[] good;

    @BeforeAll
    static void makeGoodPdf() {
        String text = CorpusReports.read(CorpusReports.directory().resolve("004_ffa638bad9eb796a.txt"));
        good = ReportPdfMaker.standard().with(ReportPdfMaker.Options.textOnly()).make("计算成本", text).bytes();
    }

    interface Bad {
        byte[] make() throws IOException;
    }

    static Stream<Arguments> badPdfs() {
        return Stream.of(
                bad("needs a password", () -> protect("user-secret", new AccessPermission()),
                        "encrypted PDF: it needs a password to open"),
                bad("forbids extracting its text", () -> {
                    AccessPermission permissions = new AccessPermission();
                    permissions.setCanExtractContent(false);
                    return protect("", permissions);
                }, "encrypted PDF: its permissions forbid extracting its text"),
                bad("scanned: images only", () -> imagePages(0, 3), "no text layer: pages 1–3 of 3 are images only (a scanned document?)"),
                bad("mostly scanned", () -> imagePages(1, 4), "no text layer on most pages: pages 2–5 of 5 are images only"),
                bad("blank pages", BadPdfTest::blankPage, "no text: none of its 1 page draws any characters"),
                bad("cut off", () -> Arrays.copyOf(good, good.length * 2 / 3), "truncated or damaged PDF: it does not end with %%EOF"),
                bad("garbage after the header", BadPdfTest::garbage, "damaged PDF"),
                bad("a text file named .pdf", () -> "生成式 AI 的计算成本\n".getBytes(StandardCharsets.UTF_8),
                        "not a PDF (no %PDF- header): it is plain text"),
                bad("a web page named .pdf", () -> "<!DOCTYPE html><html><body>报告</body></html>".getBytes(StandardCharsets.UTF_8),
                        "not a PDF (no %PDF- header): it looks like HTML"),
                bad("a Word file named .pdf", () -> new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0}, "not a PDF (no %PDF- header): it is a ZIP archive"),
                bad("fonts without a ToUnicode map", () -> withoutToUnicode(good), "its text does not decode (mojibake)"),
                bad("a ToUnicode map into private-use codes", () -> withPrivateUseToUnicode(good), "its text does not decode (mojibake)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPdfs")
    void a_bad_pdf_is_refused_naming_the_file_and_the_reason(String name, Bad bad, String reason) throws IOException {
        byte[] bytes = bad.make();

        CorpusException error = assertThrows(CorpusException.class, () -> new PdfReportReader().readContent(FILE, bytes));

        assertEquals(FILE, error.file());
        assertTrue(error.getMessage().startsWith(FILE + ": "), error.getMessage());
        assertTrue(error.getMessage().contains(reason), error.getMessage());
    }

    @Test
    void a_pdf_over_the_size_limit_is_refused_saying_the_limit() {
        PdfReportReader reader = new PdfReportReader(new PdfLimits(20_000, 1_000));

        CorpusException error = assertThrows(CorpusException.class, () -> reader.readContent(FILE, good));

        assertTrue(error.getMessage().matches(".*PDF too large: [0-9.]+ kB, over the 20 kB limit for PDF files"), error.getMessage());
        assertTrue(PdfLimits.defaults().maxBytes() == 100_000_000 && PdfFileCheck.size(PdfLimits.defaults().maxBytes()).equals("100 MB"));
    }

    @Test
    void a_pdf_over_the_page_limit_is_refused_saying_the_limit() throws IOException {
        int pages;
        try (PDDocument document = Loader.loadPDF(good)) {
            pages = document.getNumberOfPages();
        }
        PdfReportReader reader = new PdfReportReader(new PdfLimits(PdfLimits.DEFAULT_MAX_BYTES, 2));

        CorpusException error = assertThrows(CorpusException.class, () -> reader.readContent(FILE, good));

        assertTrue(pages > 2);
        assertTrue(error.getMessage().endsWith("PDF too long: " + pages + " pages, over the 2-page limit for PDF files"), error.getMessage());
        assertEquals(1_000, PdfLimits.defaults().maxPages());
    }

    @Test
    void the_good_pdf_the_bad_ones_are_made_from_reads() {
        assertTrue(new PdfReportReader().readContent(FILE, good).text().contains("计算成本"));
    }

    private static Arguments bad(String name, Bad bad, String reason) {
        return Arguments.of(name, bad, reason);
    }

    private static byte[] protect(String userPassword, AccessPermission permissions) throws IOException {
        try (PDDocument document = Loader.loadPDF(good)) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, permissions);
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            return save(document);
        }
    }

    /** {@code textPages} pages of the good PDF, then {@code imagePages} pages that are a picture each. */
    private static byte[] imagePages(int textPages, int imagePages) throws IOException {
        try (PDDocument document = textPages == 0 ? new PDDocument() : Loader.loadPDF(good)) {
            while (document.getNumberOfPages() > textPages) document.removePage(document.getNumberOfPages() - 1);
            BufferedImage scan = new BufferedImage(120, 170, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = scan.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 120, 170);
            g.setColor(Color.DARK_GRAY);
            for (int line = 10; line < 160; line += 8) g.fillRect(10, line, 100, 3);
            g.dispose();
            for (int i = 0; i < imagePages; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                PDImageXObject image = LosslessFactory.createFromImage(document, scan);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            return save(document);
        }
    }

    private static byte[] blankPage() throws IOException {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage(PDRectangle.A4));
            return save(document);
        }
    }

    /** A PDF header, bytes of nothing and an end marker: PDFBox finds no document in it. */
    private static byte[] garbage() {
        byte[] noise = new byte[4000];
        new Random(12).nextBytes(noise);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(noise);
        out.writeBytes("\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** The PDF with the ToUnicode map of every font removed: its CID glyph codes then map to nothing. */
    static byte[] withoutToUnicode(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    page.getResources().getFont(name).getCOSObject().removeItem(COSName.TO_UNICODE);
                }
            }
            return save(document);
        }
    }

    /** The PDF with every font's ToUnicode map replaced by one that maps each code to a private-use character. */
    static byte[] withPrivateUseToUnicode(byte[] pdf) throws IOException {
        StringBuilder cmap = new StringBuilder("""
                /CIDInit /ProcSet findresource begin
                12 dict begin
                begincmap
                /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
                /CMapName /Private-UCS def
                /CMapType 2 def
                1 begincodespacerange
                <0000> <FFFF>
                endcodespacerange
                """);
        for (int from = 0; from < 256; from += 100) {
            int to = Math.min(256, from + 100);
            cmap.append(to - from).append(" beginbfrange\n");
            for (int hi = from; hi < to; hi++) {
                cmap.append(String.format("<%02X00> <%02XFF> <%04X>%n", hi, hi, 0xE000 + (hi % 24) * 256));
            }
            cmap.append("endbfrange\n");
        }
        cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    COSStream stream = document.getDocument().createCOSStream();
                    try (OutputStream out = stream.createOutputStream()) {
                        out.write(cmap.toString().getBytes(StandardCharsets.US_ASCII));
                    }
                    font.getCOSObject().setItem(COSName.TO_UNICODE, stream);
                }
            }
            return save(document);
        }
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }
}
