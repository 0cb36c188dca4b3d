package org.ibvadvisor.testing.pdf;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.ibvadvisor.testing.pdf.MadePdf.Kind;
import org.ibvadvisor.testing.pdf.MadePdf.Placed;
import org.ibvadvisor.testing.pdf.PrintedChars.Ch;
import org.ibvadvisor.testing.pdf.Tokens.Token;

/**
 * Sets text on A4 pages as a report would: a body frame with a margin column to its left, running head and foot,
 * page numbers (the page labels), and the extras {@link ReportPdfMaker.Options} asks for, and records where each
 * piece went ({@link Placed}, in the order a reader should give it back).
 */
final class PageFlow {
    static final float PAGE_HEIGHT = PDRectangle.A4.getHeight();
    static final float FRAME_LEFT = 150;
    static final float FRAME_RIGHT = 540;
    static final float COLUMN_GAP = 20;
    static final float MARGIN_LEFT = 40;
    static final float MARGIN_WIDTH = 90;
    static final float TOP = 95;
    static final float BOTTOM = 765;
    static final float FOOTNOTE_BOTTOM = 725;
    static final float BODY_SIZE = 10.5f;
    static final float BODY_PITCH = 15.75f;
    static final float PARAGRAPH_GAP = 8;
    static final float HEADING_SIZE = 15;
    static final float HEADING_PITCH = 22;
    static final float NOTE_SIZE = 8;
    static final float NOTE_PITCH = 11;
    static final float TABLE_SIZE = 9;
    static final float TABLE_PITCH = 13;
    static final float CELL_GAP = 14;
    static final float ROW_PAD = 4;
    static final float CALLOUT_SIZE = 12;
    static final float CALLOUT_PITCH = 16;
    static final float MARK_SIZE = 6;
    static final float MARK_RISE = 4;
    static final float HEAD_BASELINE = 40;
    static final float FOOT_BASELINE = 812;

    private static final String SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    private static final List<String> NOTES = List.of("平均计算成本预计将攀升 89%，其中 70% 的高管认为生成式 AI 是主要原因。",
            "混合云架构可以把推理工作负载放在成本最低的位置。", "每一个被取消的项目都意味着错失的创新机会。");
    private static final List<String> CALLOUTS = List.of("“计算成本不再只是 IT 问题，而是 CEO 的议题。”",
            "“谁能管好计算成本，谁就能率先规模化生成式 AI。”", "“把合适的模型放在合适的位置，成本就会下降。”");

    private record TextOp(float x, float baseline, float size, String text) {
    }

    private record FillOp(float x0, float top, float x1, float bottom, Color color) {
    }

    private final PDDocument document;
    private final PDType0Font font;
    private final ReportPdfMaker.Options options;
    private final String runningHead;
    final List<Placed> placed = new ArrayList<>();
    final List<String> furniture = new ArrayList<>();
    final List<String> labels = new ArrayList<>();

    private int page;
    private PDPage pdPage;
    private final List<TextOp> texts = new ArrayList<>();
    private final List<FillOp> fills = new ArrayList<>();
    private final List<Placed> body = new ArrayList<>();
    private final List<Placed> asides = new ArrayList<>();
    private final List<Placed> notes = new ArrayList<>();
    private float y;
    private int column;
    private float left;
    private float right;
    private int linesOnPage;
    private boolean calloutPending;
    private boolean markPending;
    private int footnotes;
    private boolean atColumnTop;

    PageFlow(PDDocument document, PDType0Font font, ReportPdfMaker.Options options, String title) {
        this.document = document;
        this.font = font;
        this.options = options;
        this.runningHead = "IBM 商业价值研究院 | " + (title.length() > 24 ? title.substring(0, 24) : title);
        newPage();
    }

    int page() {
        return page;
    }

    boolean twoColumns() {
        return page == options.twoColumnPage();
    }

    /** A paragraph of text lines: each line is set from the left edge, wrapped to the column. */
    void paragraph(List<List<Ch>> lines, boolean heading) {
        if (!atColumnTop) y += heading ? 2 * PARAGRAPH_GAP : PARAGRAPH_GAP;
        if (heading && y + BODY_PITCH > bottom()) nextColumn();
        float size = heading ? HEADING_SIZE : BODY_SIZE;
        for (List<Ch> line : lines) {
            List<Token> tokens = Tokens.fitting(Tokens.of(line), Math.min(right - left, 180), t -> width(t, size));
            int i = 0;
            while (i < tokens.size()) {
                while (i < tokens.size() && tokens.get(i).space()) i++;
                if (i == tokens.size()) break;
                if (y > bottom()) nextColumn(); // wrap to the column the line goes into
                int end = Tokens.fill(tokens, i, right - left, t -> width(t, size));
                int last = end;
                while (last > i && tokens.get(last - 1).space()) last--;
                placeLine(tokens.subList(i, last), heading);
                i = end;
            }
        }
    }

    /** A table: its rows with rules between them, each cell wrapped in its column. */
    void table(List<List<List<Ch>>> rows) {
        if (!atColumnTop) y += PARAGRAPH_GAP;
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        float[] widths = columnWidths(rows, columns);
        float tableWidth = CELL_GAP * (columns - 1);
        for (float w : widths) tableWidth += w;
        for (List<List<Ch>> row : rows) {
            List<List<List<Token>>> cellLines = new ArrayList<>();
            int height = 1;
            for (int c = 0; c < row.size(); c++) {
                List<List<Token>> lines = wrap(row.get(c), widths[c], TABLE_SIZE);
                cellLines.add(lines);
                height = Math.max(height, lines.size());
            }
            if (y + (height - 1) * TABLE_PITCH > bottom()) nextColumn();
            float rule = y - TABLE_SIZE * 0.8f - ROW_PAD;
            fills.add(new FillOp(left, rule, left + tableWidth, rule + 0.6f, Color.GRAY));
            float x = left;
            for (int c = 0; c < row.size(); c++) {
                for (int k = 0; k < cellLines.get(c).size(); k++) {
                    List<Token> line = cellLines.get(c).get(k);
                    text(x, y + k * TABLE_PITCH, TABLE_SIZE, textOf(line));
                    body.add(new Placed(Kind.TABLE_CELL, textOf(line), page, line.getFirst().chars().getFirst().offset()));
                }
                x += widths[c] + CELL_GAP;
            }
            y += (height - 1) * TABLE_PITCH + TABLE_PITCH + 2 * ROW_PAD;
            atColumnTop = false;
        }
        float rule = y - TABLE_PITCH - 2 * ROW_PAD + TABLE_SIZE * 0.2f + ROW_PAD;
        fills.add(new FillOp(left, rule, left + tableWidth, rule + 0.6f, Color.GRAY));
    }

    /** A figure (a grey panel) with its caption under it. */
    void figure(String caption) {
        if (!atColumnTop) y += PARAGRAPH_GAP;
        if (y + 90 > bottom()) nextColumn();
        float top = y - BODY_SIZE;
        fills.add(new FillOp(left, top, right, top + 70, new Color(200, 210, 225)));
        float baseline = top + 70 + 14;
        text(left, baseline, TABLE_SIZE, caption);
        body.add(new Placed(Kind.CAPTION, caption, page, -1));
        y = baseline + BODY_PITCH;
        atColumnTop = false;
    }

    /** Ends the last page. */
    void finish() {
        finishPage();
    }

    private void placeLine(List<Token> tokens, boolean heading) {
        float size = heading ? HEADING_SIZE : BODY_SIZE;
        float pitch = heading ? HEADING_PITCH : BODY_PITCH;
        if (y > bottom()) nextColumn();
        Kind kind = heading ? Kind.HEADING : Kind.BODY;
        String line = textOf(tokens);
        int mark = markPending && !heading ? line.indexOf('。') : -1;
        int start = tokens.getFirst().chars().getFirst().offset();
        if (mark < 0) {
            text(left, y, size, line);
            body.add(new Placed(kind, line, page, start));
        } else {
            String before = line.substring(0, mark + 1);
            String after = line.substring(mark + 1);
            String number = Integer.toString(footnotes);
            text(left, y, size, before);
            float x = left + width(before, size);
            text(x, y - MARK_RISE, MARK_SIZE, number);
            body.add(new Placed(kind, before, page, start));
            body.add(new Placed(Kind.MARK, superscript(number), page, -1));
            if (!after.isEmpty()) {
                text(x + width(number, MARK_SIZE), y, size, after);
                body.add(new Placed(kind, after, page, offsetAt(tokens, mark + 1)));
            }
            markPending = false;
        }
        y += pitch;
        atColumnTop = false;
        if (!heading && ++linesOnPage == 3 && calloutPending) callout();
    }

    /** A boxed quote across the frame, between two body lines. */
    private void callout() {
        calloutPending = false;
        String quote = CALLOUTS.get(page % CALLOUTS.size());
        List<List<Token>> lines = wrap(PrintedChars.added(quote), right - left - 30, CALLOUT_SIZE);
        float top = y - BODY_PITCH + 8;
        float bottom = top + 8 + CALLOUT_SIZE * 0.8f + (lines.size() - 1) * CALLOUT_PITCH + 10;
        if (bottom + BODY_PITCH > bottom()) return;
        fills.add(new FillOp(left, top, right, bottom, new Color(230, 236, 245)));
        for (int k = 0; k < lines.size(); k++) {
            text(left + 15, top + 8 + CALLOUT_SIZE * 0.8f + k * CALLOUT_PITCH, CALLOUT_SIZE, textOf(lines.get(k)));
        }
        asides.add(new Placed(Kind.CALLOUT, quote, page, -1));
        y = bottom + 6 + BODY_SIZE * 0.8f;
    }

    private void marginNote() {
        String note = "边注 " + page + "：" + NOTES.get(page % NOTES.size());
        List<List<Token>> lines = wrap(PrintedChars.added(note), MARGIN_WIDTH, NOTE_SIZE);
        for (int k = 0; k < lines.size(); k++) text(MARGIN_LEFT, TOP + 2 * BODY_PITCH + k * NOTE_PITCH, NOTE_SIZE, textOf(lines.get(k)));
        asides.add(new Placed(Kind.MARGIN_NOTE, note, page, -1));
    }

    private boolean footnotePage() {
        return options.footnotes() && page % 2 == 0;
    }

    private float bottom() {
        return footnotePage() ? FOOTNOTE_BOTTOM : BOTTOM;
    }

    private void nextColumn() {
        if (twoColumns() && column == 0) {
            column = 1;
            left = FRAME_LEFT + (FRAME_RIGHT - FRAME_LEFT + COLUMN_GAP) / 2;
            right = FRAME_RIGHT;
            y = TOP;
            atColumnTop = true;
            return;
        }
        finishPage();
        newPage();
    }

    private void newPage() {
        page++;
        pdPage = new PDPage(PDRectangle.A4);
        document.addPage(pdPage);
        texts.clear();
        fills.clear();
        body.clear();
        asides.clear();
        notes.clear();
        y = TOP;
        column = 0;
        left = FRAME_LEFT;
        right = twoColumns() ? FRAME_LEFT + (FRAME_RIGHT - FRAME_LEFT - COLUMN_GAP) / 2 : FRAME_RIGHT;
        linesOnPage = 0;
        atColumnTop = true;
        calloutPending = options.callouts() && page % 3 == 1 && page > 1 && !twoColumns();
        if (footnotePage()) footnotes++;
        markPending = footnotePage();
        labels.add(options.pageLabels() ? (page == 1 ? "i" : Integer.toString(page - 1)) : Integer.toString(page));
        if (options.marginNotes() && page % 3 == 2) marginNote();
    }

    private void finishPage() {
        if (footnotePage()) {
            String note = footnotes + " 资料来源：IBM 商业价值研究院 2024 年生成式 AI 调研，第 " + page + " 页数据。";
            fills.add(new FillOp(FRAME_LEFT, 738, FRAME_LEFT + 100, 738.6f, Color.GRAY));
            List<List<Token>> lines = wrap(PrintedChars.added(note), FRAME_RIGHT - FRAME_LEFT, NOTE_SIZE);
            for (int k = 0; k < lines.size(); k++) text(FRAME_LEFT, 752 + k * NOTE_PITCH, NOTE_SIZE, textOf(lines.get(k)));
            notes.add(new Placed(Kind.FOOTNOTE, note, page, -1));
        }
        if (options.furniture()) {
            String label = labels.getLast();
            if (page > 1) text(FRAME_LEFT, HEAD_BASELINE, NOTE_SIZE, runningHead);
            text(FRAME_LEFT, FOOT_BASELINE, NOTE_SIZE, "ibm.com/ibv");
            text(FRAME_RIGHT - width(label, NOTE_SIZE), FOOT_BASELINE, NOTE_SIZE, label);
            if (page > 1) furniture.add(runningHead);
            furniture.add("ibm.com/ibv");
            furniture.add(label);
        }
        draw();
        placed.addAll(body);
        placed.addAll(asides);
        placed.addAll(notes);
    }

    private void draw() {
        try (PDPageContentStream content = new PDPageContentStream(document, pdPage)) {
            for (FillOp fill : fills) {
                content.setNonStrokingColor(fill.color());
                content.addRect(fill.x0(), PAGE_HEIGHT - fill.bottom(), fill.x1() - fill.x0(), fill.bottom() - fill.top());
                content.fill();
            }
            content.setNonStrokingColor(Color.BLACK);
            for (TextOp text : texts) {
                content.beginText();
                content.setFont(font, text.size());
                content.newLineAtOffset(text.x(), PAGE_HEIGHT - text.baseline());
                content.showText(text.text());
                content.endText();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void text(float x, float baseline, float size, String text) {
        texts.add(new TextOp(x, baseline, size, text));
    }

    private float[] columnWidths(List<List<List<Ch>>> rows, int columns) {
        float available = right - left - CELL_GAP * (columns - 1);
        float[] widths = new float[columns];
        for (List<List<Ch>> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], Math.max(TABLE_SIZE, width(textOfChars(row.get(c)), TABLE_SIZE)));
            }
        }
        float cap = 0.45f * available;
        float sum = 0;
        for (int c = 0; c < columns; c++) {
            widths[c] = Math.min(widths[c], cap);
            sum += widths[c];
        }
        if (sum > available) for (int c = 0; c < columns; c++) widths[c] *= available / sum;
        return widths;
    }

    private List<List<Token>> wrap(List<Ch> chars, float width, float size) {
        List<Token> tokens = Tokens.fitting(Tokens.of(chars), width, t -> width(t, size));
        List<List<Token>> lines = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            while (i < tokens.size() && tokens.get(i).space()) i++;
            if (i == tokens.size()) break;
            int end = Tokens.fill(tokens, i, width, t -> width(t, size));
            int last = end;
            while (last > i && tokens.get(last - 1).space()) last--;
            lines.add(List.copyOf(tokens.subList(i, last)));
            i = end;
        }
        return lines;
    }

    float width(String text, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String textOf(List<Token> tokens) {
        StringBuilder out = new StringBuilder();
        for (Token token : tokens) out.append(token.text());
        return out.toString();
    }

    private static String textOfChars(List<Ch> chars) {
        StringBuilder out = new StringBuilder();
        for (Ch ch : chars) out.appendCodePoint(ch.cp());
        return out.toString();
    }

    /** The report offset of the char at {@code index} of the line the tokens print. */
    private static int offsetAt(List<Token> tokens, int index) {
        int seen = 0;
        for (Token token : tokens) {
            for (Ch ch : token.chars()) {
                if (seen == index) return ch.offset();
                seen += Character.charCount(ch.cp());
            }
        }
        return -1;
    }

    private static String superscript(String digits) {
        StringBuilder out = new StringBuilder();
        for (char c : digits.toCharArray()) out.append(SUPERSCRIPT.charAt(c - '0'));
        return out.toString();
    }
}
