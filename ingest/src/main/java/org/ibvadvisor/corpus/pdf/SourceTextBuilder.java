package org.ibvadvisor.corpus.pdf;

import java.util.ArrayList;
import java.util.List;
import org.ibvadvisor.corpus.PageMap;

/**
 * Writes laid-out pages as one source text in the form {@code PdfTextCleaner} reads: page after page, each page's
 * body, then its asides, then its footnotes — except where the body's last paragraph runs on to the next page: then
 * the asides and footnotes come before that paragraph, so that a sentence cut by the page break is read whole and
 * every char still lies in its own page's range; a blank line between paragraphs and items; a text line per printed
 * line (the cleaner joins wrapped lines, without a space between CJK chars); no line starting with a space (the
 * cleaner reads that as a new paragraph) except table rows, which are one line each, cells after a tab each
 * ({@code "\t区域\t2024 年\t58"}: the leading tab keeps a row whose last cell is a number from being taken for a
 * table-of-contents entry, and the cleaner shows cells as "区域 | 2024 年 | 58"), except in a table of contents,
 * whose rows are written without it so that the cleaner drops them as it does in text reports. Where a paragraph runs on from one column or
 * page to the next (its last line is full and ends mid-sentence, nothing else comes between), a single line break
 * joins the two parts into one paragraph. Records where each page starts.
 */
final class SourceTextBuilder {
    /** A line ending within this many font sizes of its block's right edge is full. */
    private static final float FULL_LINE = 1.5f;
    private static final float SAME_SIZE = 0.1f;

    private SourceTextBuilder() {
    }

    /**
     * @param pages  every page of the document, in order
     * @param labels the printed label of each page, or empty
     */
    static SourceText build(List<LaidOutPage> pages, List<String> labels) {
        StringBuilder text = new StringBuilder();
        int[] starts = new int[pages.size()];
        PageItem openEnd = null;
        for (int p = 0; p < pages.size(); p++) {
            LaidOutPage page = pages.get(p);
            if (page.isEmpty()) {
                starts[p] = text.length();
                continue;
            }
            PageItem first = page.body().isEmpty() ? (page.asides().isEmpty() ? page.footnotes() : page.asides()).getFirst()
                    : page.body().getFirst();
            if (!text.isEmpty()) text.append(openEnd != null && !page.body().isEmpty() && runsOn(openEnd, first) ? "\n" : "\n\n");
            starts[p] = text.length();
            StringBuilder body = new StringBuilder();
            int lastParagraph = writeBody(page.body(), body);
            StringBuilder notes = new StringBuilder();
            List<PageItem> asides = new ArrayList<>(page.asides());
            asides.addAll(page.footnotes());
            for (PageItem aside : asides) {
                if (!notes.isEmpty()) notes.append("\n\n");
                write(aside, notes);
            }
            PageItem next = nextBodyStart(pages, p);
            boolean runsOnToNext = !page.body().isEmpty() && next != null && runsOn(page.body().getLast(), next);
            if (notes.isEmpty()) {
                text.append(body);
            } else if (runsOnToNext && lastParagraph > 0) {
                // the page's notes go before its last paragraph, which runs on to the next page: a sentence broken by
                // the page break stays whole, and every char stays on the page it is printed on
                text.append(body, 0, lastParagraph).append(notes).append("\n\n").append(body, lastParagraph, body.length());
            } else {
                if (!body.isEmpty()) text.append(body).append("\n\n");
                text.append(notes);
                runsOnToNext = false;
            }
            openEnd = runsOnToNext || (notes.isEmpty() && !page.body().isEmpty()) ? page.body().getLast() : null;
        }
        return new SourceText(text.toString(), new PageMap(starts, labels));
    }

    /**
     * Writes a page's body; returns where its last paragraph starts in {@code text} when a paragraph break comes
     * before it (0 when the body is one paragraph).
     */
    private static int writeBody(List<PageItem> body, StringBuilder text) {
        int lastParagraph = 0;
        for (int i = 0; i < body.size(); i++) {
            if (i > 0) {
                boolean joined = runsOn(body.get(i - 1), body.get(i));
                text.append(joined ? "\n" : "\n\n");
                if (!joined) lastParagraph = text.length();
            }
            int before = text.length();
            int inner = write(body.get(i), text);
            if (inner > 0) lastParagraph = before + inner;
        }
        return lastParagraph;
    }

    /** The first body item of the next page with text, when that page has a body. */
    private static PageItem nextBodyStart(List<LaidOutPage> pages, int p) {
        for (int q = p + 1; q < pages.size(); q++) {
            LaidOutPage page = pages.get(q);
            if (page.isEmpty()) continue;
            return page.body().isEmpty() ? null : page.body().getFirst();
        }
        return null;
    }

    /** Whether the next item continues the paragraph the previous one ends with. */
    static boolean runsOn(PageItem previous, PageItem next) {
        if (!(previous instanceof TextBlock before) || !(next instanceof TextBlock after)) return false;
        List<Run> lastParagraph = before.paragraphs().getLast();
        Run last = lastParagraph.getLast();
        boolean measured = lastParagraph.size() >= 2 || before.lineEnd() > before.box().x1();
        boolean full = measured && last.box().x1() >= before.lineEnd() - FULL_LINE * before.size();
        boolean sameSize = Math.abs(before.size() - after.size()) <= SAME_SIZE * Math.max(before.size(), after.size());
        boolean indented = after.lines().size() >= 2 && after.firstLine().box().x0() > after.box().x0() + 0.5f * after.size();
        return full && sameSize && !indented && !BlockBuilder.endsSentence(last.text());
    }

    /** Writes an item; returns where its last paragraph starts, relative to where it began (0 for one paragraph). */
    private static int write(PageItem item, StringBuilder text) {
        int begin = text.length();
        int lastParagraph = 0;
        switch (item) {
            case TextBlock block -> {
                for (int p = 0; p < block.paragraphs().size(); p++) {
                    if (p > 0) {
                        text.append("\n\n");
                        lastParagraph = text.length() - begin;
                    }
                    List<Run> lines = block.paragraphs().get(p);
                    for (int l = 0; l < lines.size(); l++) {
                        if (l > 0) text.append('\n');
                        text.append(lines.get(l).text());
                    }
                }
            }
            case Table table -> {
                // a table of contents is written as the cleaner knows contents entries ("序言\t1"), so it drops them
                boolean contents = table.isContents();
                boolean firstRow = true;
                for (List<String> row : table.rows()) {
                    if (row.stream().allMatch(String::isEmpty)) continue;
                    if (!firstRow) text.append('\n');
                    for (int c = 0; c < row.size(); c++) {
                        if (c > 0 || !contents) text.append('\t');
                        text.append(row.get(c));
                    }
                    firstRow = false;
                }
            }
        }
        return lastParagraph;
    }
}
