package org.ibvadvisor.corpus.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ibvadvisor.clean.Block;
import org.ibvadvisor.clean.CleanDocument;
import org.ibvadvisor.clean.CorpusReports;
import org.ibvadvisor.clean.PdfTextCleaner;
import org.ibvadvisor.corpus.CorpusReader;
import org.ibvadvisor.corpus.DocumentProperties;
import org.ibvadvisor.corpus.Report;
import org.ibvadvisor.corpus.ReportContent;
import org.ibvadvisor.testing.pdf.MadePdf;
import org.ibvadvisor.testing.pdf.MadePdf.Kind;
import org.ibvadvisor.testing.pdf.MadePdf.Placed;
import org.ibvadvisor.testing.pdf.PrintedTruth;
import org.ibvadvisor.testing.pdf.ReportPdfMaker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundled report laid out as a PDF with everything real reports have ({@link ReportPdfMaker}: running head and
 * foot, page numbers as page labels, margin notes, callout boxes, footnotes, a page in two columns, a table, a
 * figure) and read back: the text, its order and the page of every char against what the maker printed.
 */
class PdfReportReaderTest {
    static final String REPORT = "004_ffa638bad9eb796a";
    static final String TITLE = "利用生成式 AI 经济学超越竞争对手";
    private static final Pattern HAN_SPACE_HAN = Pattern.compile("\\p{IsHan} \\p{IsHan}");

    static String original;
    static MadePdf made;
    static ReportContent read;
    static PrintedTruth truth;
    static CleanDocument cleaned;

    @TempDir
    Path folder;

    @BeforeAll
    static void makeAndRead() {
        original = CorpusReports.read(CorpusReports.directory().resolve(REPORT + ".txt"));
        made = ReportPdfMaker.standard().make(TITLE, original);
        read = new PdfReportReader().readContent(Path.of(REPORT + ".pdf"), made.bytes());
        truth = PrintedTruth.of(made, read.text(), read.pageMap());
        cleaned = new PdfTextCleaner().clean(read.text());
    }

    @Test
    void the_pdf_has_everything_a_report_has() {
        assertTrue(made.pageCount() >= 7, "pages: " + made.pageCount());
        for (Kind kind : Kind.values()) assertFalse(made.of(kind).isEmpty(), "the maker printed no " + kind);
    }

    @Test
    void the_text_comes_back_whole_in_reading_order_and_every_sentence_on_the_page_it_was_printed_on() {
        assertEquals(List.of(), truth.problems());
        assertTrue(truth.sentences() > 100, "sentences: " + truth.sentences());
        assertEquals(truth.sentences(), truth.sentencesOnPage(), "sentences on their page");
        assertEquals(made.pageCount(), read.pageMap().pageCount());
    }

    @Test
    void running_heads_feet_and_page_numbers_are_gone() {
        for (String furniture : made.furniture()) {
            for (String line : read.text().split("\n")) {
                assertFalse(line.strip().equals(furniture.strip()), "furniture line left: " + furniture);
            }
        }
        assertFalse(read.text().contains("IBM 商业价值研究院 | "), "the running head is gone");
    }

    @Test
    void the_page_map_carries_the_printed_page_labels() {
        assertEquals(made.labels(), read.pageMap().labels());
        assertEquals("i", read.pageMap().labelAt(0));
    }

    @Test
    void a_margin_note_is_read_after_the_body_of_its_page_as_a_paragraph_of_its_own() {
        for (int note : indexes(Kind.MARGIN_NOTE)) {
            int page = made.placed().get(note).page();
            int start = truth.offsetOf(note);
            for (int body : indexes(Kind.BODY)) {
                if (made.placed().get(body).page() == page) {
                    assertTrue(truth.endOf(body) <= start || runsOnToNextPage(body), "body text after the note on page " + page);
                }
            }
            assertStandsAlone(start, truth.endOf(note));
            assertEquals(page, read.pageMap().pageAt(start));
        }
    }

    @Test
    void a_callout_box_across_a_sentence_is_read_after_the_body_and_the_sentence_stays_one_paragraph() {
        int joined = 0;
        for (int callout : indexes(Kind.CALLOUT)) {
            int page = made.placed().get(callout).page();
            List<Integer> body = indexes(Kind.BODY).stream().filter(i -> made.placed().get(i).page() == page).toList();
            for (int b : body) {
                assertTrue(truth.endOf(b) <= truth.offsetOf(callout) || runsOnToNextPage(b), "body text after the callout on page " + page);
            }
            assertStandsAlone(truth.offsetOf(callout), truth.endOf(callout));
            // the box was set after the page's third body line: the lines on either side are one paragraph again
            Placed above = made.placed().get(body.get(2));
            Placed below = made.placed().get(body.get(3));
            if (below.sourceStart() == above.sourceStart() + above.text().length() && !endsSentence(above.text())) {
                assertTrue(inOneBlock(above.text() + below.text()), "the sentence around the callout on page " + page + " is cut");
                joined++;
            }
        }
        assertTrue(joined > 0, "no callout fell inside a sentence");
    }

    @Test
    void footnotes_are_read_at_the_end_of_their_page_and_their_marks_are_superscript_digits() {
        for (int note : indexes(Kind.FOOTNOTE)) {
            int page = made.placed().get(note).page();
            assertEquals(page, read.pageMap().pageAt(truth.offsetOf(note)));
            for (int i = 0; i < note; i++) {
                if (made.placed().get(i).page() == page) {
                    assertTrue(truth.endOf(i) <= truth.offsetOf(note) || runsOnToNextPage(i), "text after the footnote on page " + page);
                }
            }
            assertStandsAlone(truth.offsetOf(note), truth.endOf(note));
        }
        for (int mark : indexes(Kind.MARK)) {
            String digits = read.text().substring(truth.offsetOf(mark), truth.endOf(mark));
            assertTrue(digits.matches("[⁰¹²³⁴⁵⁶⁷⁸⁹]+"), "mark read as «" + digits + "»");
        }
        for (Block block : cleaned.blocks()) assertFalse(block.text().matches(".*[¹²³⁴⁵⁶⁷⁸⁹].*"), "the cleaner left a mark: " + block.text());
    }

    @Test
    void a_page_in_two_columns_is_read_column_by_column() {
        int page = ReportPdfMaker.Options.everything().twoColumnPage();
        List<Integer> body = indexes(Kind.BODY).stream().filter(i -> made.placed().get(i).page() == page).toList();
        assertTrue(body.size() > 40, "lines on the two-column page: " + body.size());
        for (int k = 1; k < body.size(); k++) {
            assertTrue(truth.offsetOf(body.get(k - 1)) < truth.offsetOf(body.get(k)), "line " + k + " of page " + page + " out of order");
        }
    }

    @Test
    void table_rows_stay_whole_one_line_each_and_the_cleaner_shows_their_cells() {
        List<String> lines = List.of(read.text().split("\n"));
        assertTrue(lines.contains("\t区域\t2023 年\t2024 年\t变化"), "header row");
        assertTrue(lines.contains("\t北美\t42%\t58%\t+16 个百分点"), "a row");
        assertTrue(lines.contains("\t亚太地区（含中国、日本、印度与东南亚）\t39%\t61%\t+22 个百分点"), "the row with a wrapped cell");
        List<String> blocks = cleaned.blocks().stream().map(Block::text).toList();
        assertTrue(blocks.contains("区域 | 2023 年 | 2024 年 | 变化"), "cleaned header row");
        assertTrue(blocks.contains("亚太地区（含中国、日本、印度与东南亚） | 39% | 61% | +22 个百分点"), "cleaned row");
    }

    @Test
    void a_figure_caption_is_kept_in_the_body() {
        for (int caption : indexes(Kind.CAPTION)) {
            assertEquals(made.placed().get(caption).page(), read.pageMap().pageAt(truth.offsetOf(caption)));
            assertTrue(inOneBlock(made.placed().get(caption).text()), "caption");
        }
    }

    @Test
    void wrapped_lines_are_joined_without_a_space_between_cjk_characters() {
        int joins = 0;
        for (Block block : cleaned.blocks()) {
            Matcher m = HAN_SPACE_HAN.matcher(block.text());
            while (m.find()) assertTrue(original.contains(m.group()), "space inserted in «" + m.group() + "»: " + block.text());
            joins += (int) read.text().substring(block.sourceStart(), block.sourceEnd()).chars().filter(c -> c == '\n').count();
        }
        assertTrue(joins > 100, "wrapped lines joined: " + joins);
    }

    @Test
    void a_paragraph_running_on_to_the_next_page_is_one_paragraph_when_nothing_comes_between() {
        int checked = 0;
        for (int page = 1; page < made.pageCount(); page++) {
            int p = page;
            boolean clearEnd = made.placed().stream().noneMatch(x -> x.page() == p && x.kind().ordinal() >= Kind.MARGIN_NOTE.ordinal());
            List<Integer> here = indexes(Kind.BODY).stream().filter(i -> made.placed().get(i).page() == p).toList();
            List<Integer> next = indexes(Kind.BODY).stream().filter(i -> made.placed().get(i).page() == p + 1).toList();
            if (!clearEnd || here.isEmpty() || next.isEmpty() || here.getLast() + 1 != next.getFirst()) continue;
            Placed last = made.placed().get(here.getLast());
            Placed first = made.placed().get(next.getFirst());
            if (first.sourceStart() != last.sourceStart() + last.text().length() || endsSentence(last.text())) continue;
            assertTrue(inOneBlock(last.text() + first.text()), "the paragraph across pages " + p + "–" + (p + 1) + " is cut");
            int at = truth.offsetOf(next.getFirst());
            assertEquals(p + 1, read.pageMap().pageAt(at));
            assertEquals(p, read.pageMap().pageAt(truth.endOf(here.getLast()) - 1));
            checked++;
        }
        assertTrue(checked > 0, "no paragraph ran on to the next page with nothing between");
    }

    @Test
    void a_paragraph_running_on_to_the_next_page_mid_sentence_is_read_whole_with_the_pages_notes_before_it() {
        int checked = 0;
        for (int page = 1; page < made.pageCount(); page++) {
            int p = page;
            List<Integer> notes = new ArrayList<>();
            for (int i = 0; i < made.placed().size(); i++) {
                if (made.placed().get(i).page() == p && made.placed().get(i).kind().ordinal() >= Kind.MARGIN_NOTE.ordinal()) notes.add(i);
            }
            List<Integer> here = indexes(Kind.BODY).stream().filter(i -> made.placed().get(i).page() == p).toList();
            if (notes.isEmpty() || here.isEmpty() || !runsOnToNextPage(here.getLast())) continue;
            Placed last = made.placed().get(here.getLast());
            assertFalse(endsSentence(last.text()), "page " + p + " ends a sentence");
            // the notes stand before the paragraph that runs on, each a paragraph of its own, on their page
            for (int note : notes) {
                assertTrue(truth.endOf(note) <= truth.offsetOf(here.getLast()), "a note of page " + p + " after its last line");
                assertStandsAlone(truth.offsetOf(note), truth.endOf(note));
                assertEquals(p, read.pageMap().pageAt(truth.offsetOf(note)));
            }
            assertEquals(p, read.pageMap().pageAt(truth.endOf(here.getLast()) - 1), "the page's last line is on its page");
            checked++;
        }
        assertTrue(checked > 0, "no paragraph ran on from a page with notes");
    }

    @Test
    void title_author_year_and_language_come_from_the_pdf() {
        assertEquals(new DocumentProperties(TITLE, "IBM Institute for Business Value", 2024, "zh"), read.properties());
    }

    @Test
    void a_corpus_folder_takes_a_pdf_without_metadata_beside_text_reports() throws IOException {
        Files.write(folder.resolve("Compute Costs 2024.pdf"), made.bytes());
        Files.copy(CorpusReports.directory().resolve("002_1ae43035c57805b6.txt"), folder.resolve("002.txt"));

        List<Report> reports = CorpusReader.withDefaultReaders().read(folder).reports();

        Report pdf = reports.stream().filter(r -> r.source().toString().endsWith(".pdf")).findFirst().orElseThrow();
        assertEquals("compute-costs-2024", pdf.id());
        assertEquals(TITLE, pdf.metadata().titleZh());
        assertEquals(2024, pdf.metadata().year());
        assertEquals("IBM Institute for Business Value", pdf.metadata().publisher());
        assertEquals(read.text(), pdf.text());
        assertEquals(read.pageMap(), pdf.pageMap());
        Report text = reports.stream().filter(r -> r.source().toString().endsWith(".txt")).findFirst().orElseThrow();
        assertEquals(null, text.pageMap());
        assertEquals(pdf.contentHash(), CorpusReader.withDefaultReaders().read(folder).reports().stream()
                .filter(r -> r.id().equals(pdf.id())).findFirst().orElseThrow().contentHash(), "same file, same hash");
    }

    @Test
    void a_pdf_with_nothing_but_its_text_reads_back_exactly_too() {
        MadePdf plain = ReportPdfMaker.standard().with(ReportPdfMaker.Options.textOnly()).make(TITLE, original);
        ReportContent content = new PdfReportReader().readContent(Path.of("plain.pdf"), plain.bytes());
        PrintedTruth plainTruth = PrintedTruth.of(plain, content.text(), content.pageMap());
        assertEquals(List.of(), plainTruth.problems());
        assertEquals(List.of(), content.pageMap().labels(), "no labels in the PDF, none in the map");
        assertNotNull(content.readerVersion());
    }

    /**
     * Whether a body line is in the paragraph that runs on from its page to the next mid-sentence: the lines from it to
     * the last of its page, and the first of the next page, were printed as one stretch of the report's text and are
     * read as one paragraph.
     */
    private static boolean runsOnToNextPage(int piece) {
        int page = made.placed().get(piece).page();
        List<Integer> rest = indexes(Kind.BODY).stream().filter(i -> i >= piece && made.placed().get(i).page() == page).toList();
        List<Integer> next = indexes(Kind.BODY).stream().filter(i -> made.placed().get(i).page() == page + 1).toList();
        if (rest.isEmpty() || next.isEmpty()) return false;
        StringBuilder printed = new StringBuilder();
        int expected = made.placed().get(piece).sourceStart();
        for (int i : rest) {
            Placed line = made.placed().get(i);
            if (line.sourceStart() < expected) return false;
            printed.append(line.text());
            expected = line.sourceStart() + line.text().length();
        }
        Placed first = made.placed().get(next.getFirst());
        return first.sourceStart() >= expected && inOneBlock(printed + first.text());
    }

    private static List<Integer> indexes(Kind kind) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < made.placed().size(); i++) if (made.placed().get(i).kind() == kind) out.add(i);
        return out;
    }

    /** The text at [start, end) is a paragraph of its own: a blank line (or the start or end) on either side. */
    private static void assertStandsAlone(int start, int end) {
        String text = read.text();
        assertTrue(start == 0 || text.startsWith("\n\n", start - 2), "no blank line before «" + text.substring(start, end) + "»");
        assertTrue(end == text.length() || text.startsWith("\n\n", end), "no blank line after «" + text.substring(start, end) + "»");
    }

    private static boolean inOneBlock(String printed) {
        String wanted = printed.replaceAll("\\s", "");
        return cleaned.blocks().stream().anyMatch(b -> b.text().replaceAll("\\s", "").contains(wanted));
    }

    private static boolean endsSentence(String line) {
        return line.matches(".*[。！？：；]\\p{Pf}?$") || line.endsWith("。”");
    }
}
