package org.ibvadvisor.testing.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDPageLabelRange;
import org.apache.pdfbox.pdmodel.common.PDPageLabels;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.ibvadvisor.testing.pdf.PrintedChars.Ch;
import org.ibvadvisor.testing.pdf.PrintedChars.Group;

/**
 * Makes report PDFs for tests: lays out a report's text (paragraphs at blank lines, lines kept, a short line alone
 * set as a heading, lines with tabs as a table) on A4 pages with PDFBox in a Chinese font, with the furniture real
 * reports have: a running head and foot, page numbers that are the page labels (roman on the front page), a note in
 * the left margin on pages 2, 5, 8…, a boxed pull quote across the text on pages 4, 7, 10…, footnotes (a small raised
 * mark after the first sentence, the note at the foot) on even pages, one page in two columns, a table with a
 * wrapped cell and a figure with its caption. Returns the PDF with the truth about it ({@link MadePdf}): every piece
 * printed, on which page, in the order a reader should give it back. Not thread-safe.
 */
public final class ReportPdfMaker {
    /** What to print besides the report's text. */
    public record Options(boolean furniture, boolean pageLabels, boolean marginNotes, boolean callouts, boolean footnotes,
                          int twoColumnPage, boolean table, boolean figure) {
        /** Everything: furniture, labels, margin notes, callouts, footnotes, page 3 in two columns, a table, a figure. */
        public static Options everything() {
            return new Options(true, true, true, true, true, 3, true, true);
        }

        /** The report's text alone. */
        public static Options textOnly() {
            return new Options(false, false, false, false, false, 0, false, false);
        }
    }

    /** The table added on page 2: the last row's first cell wraps onto a second line. */
    static final List<String> TABLE = List.of(
            "区域\t2023 年\t2024 年\t变化",
            "北美\t42%\t58%\t+16 个百分点",
            "欧洲\t35%\t49%\t+14 个百分点",
            "亚太地区（含中国、日本、印度与东南亚）\t39%\t61%\t+22 个百分点");
    static final String CAPTION = "图 1：2023—2025 年平均计算成本的变化";

    private final TrueTypeFont font;
    private final Options options;

    public ReportPdfMaker(TrueTypeFont font, Options options) {
        this.font = Objects.requireNonNull(font, "font");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** A maker with everything, in the first Chinese font of the machine ({@link ChineseFont}). */
    public static ReportPdfMaker standard() {
        return new ReportPdfMaker(ChineseFont.load(), Options.everything());
    }

    public ReportPdfMaker with(Options other) {
        return new ReportPdfMaker(font, other);
    }

    /** Lays out {@code text} under the given title (document information and running head). */
    public MadePdf make(String title, String text) {
        try (PDDocument document = new PDDocument()) {
            PDType0Font pdfFont = PDType0Font.load(document, font, true);
            Map<Integer, Boolean> printable = new HashMap<>();
            PageFlow flow = new PageFlow(document, pdfFont, options, title);
            boolean tableDone = !options.table();
            boolean figureDone = !options.figure();
            for (Group group : PrintedChars.groups(text, cp -> printable.computeIfAbsent(cp, c -> canPrint(pdfFont, c)))) {
                if (!tableDone && flow.page() >= 2) {
                    flow.table(rows(TABLE));
                    tableDone = true;
                }
                if (!figureDone && flow.page() >= 4 && !flow.twoColumns()) {
                    flow.figure(CAPTION);
                    figureDone = true;
                }
                if (group.table()) flow.table(group.rows());
                else flow.paragraph(group.lines(), isHeading(group));
            }
            flow.finish();
            describe(document, title, flow.labels.size());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return new MadePdf(out.toByteArray(), flow.placed, flow.furniture, flow.labels);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void describe(PDDocument document, String title, int pages) throws IOException {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor("IBM Institute for Business Value");
        info.setCreationDate(new GregorianCalendar(2024, Calendar.MAY, 6));
        if (options.pageLabels() && pages > 1) {
            PDPageLabels labels = new PDPageLabels(document);
            PDPageLabelRange front = new PDPageLabelRange();
            front.setStyle(PDPageLabelRange.STYLE_ROMAN_LOWER);
            labels.setLabelItem(0, front);
            PDPageLabelRange main = new PDPageLabelRange();
            main.setStyle(PDPageLabelRange.STYLE_DECIMAL);
            main.setStart(1);
            labels.setLabelItem(1, main);
            document.getDocumentCatalog().setPageLabels(labels);
        }
    }

    /** A paragraph of one short line that does not end like a sentence is set as a heading. */
    private static boolean isHeading(Group group) {
        if (group.lines().size() != 1) return false;
        List<Ch> line = group.lines().getFirst();
        if (line.size() < 2 || line.size() > 24) return false;
        int last = line.getLast().cp();
        return "。！？；，、：.!?;,:”）)".indexOf(last) < 0 && !Character.isDigit(line.getFirst().cp());
    }

    private static List<List<List<Ch>>> rows(List<String> lines) {
        List<List<List<Ch>>> rows = new ArrayList<>();
        for (String line : lines) {
            List<List<Ch>> cells = new ArrayList<>();
            for (String cell : line.split("\t", -1)) cells.add(PrintedChars.added(cell));
            rows.add(cells);
        }
        return rows;
    }

    private static boolean canPrint(PDType0Font font, int cp) {
        try {
            font.encode(Character.toString(cp));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
