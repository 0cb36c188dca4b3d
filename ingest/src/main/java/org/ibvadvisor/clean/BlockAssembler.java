package org.ibvadvisor.clean;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the cleaned paragraphs of a document into heading and paragraph blocks, reading each paragraph in its
 * context: a table-of-contents-like chapter listing stays text, a bare "第 1 章" takes the title line after it,
 * the lines after a quotation or a figure number are never titles, a run of more than three guessed titles is a
 * list or a chart legend, and in the notes chapter numbers only label groups of notes.
 */
final class BlockAssembler {
    /**
     * How many paragraphs after a quotation (its speaker) or a figure number (its caption) are never titles.
     * A speaker's role ("Slack 首席执行官") ends the window early.
     */
    private static final int CONTEXT_WINDOW = 2;
    /** How far after a chapter line a page number may follow for the line to be a listing entry ("第 9 章 / 供应链 / 即时洞察… / 93"). */
    private static final int LISTING_REACH = 3;
    /** More guessed titles than this in a row, with no text between, are list items or chart labels. */
    private static final int MAX_TITLE_RUN = 3;

    private final CleanerOptions options;
    private final HeadingDetector headings;

    BlockAssembler(CleanerOptions options) {
        this.options = options;
        this.headings = new HeadingDetector(options);
    }

    List<Block> assemble(List<RawParagraph> paragraphs, List<MappedText> texts) {
        boolean markdown = paragraphs.stream().filter(p -> p.markdownLevel() > 0).count() >= options.markdownHeadingThreshold();
        boolean[] listing = chapterListings(paragraphs, texts);
        List<Block> blocks = new ArrayList<>();
        List<Boolean> guessed = new ArrayList<>();
        List<Boolean> endsPage = new ArrayList<>();
        int window = 0;
        boolean inNotes = false;
        for (int i = 0; i < paragraphs.size(); i++) {
            MappedText text = texts.get(i);
            if (text.isEmpty()) continue;
            RawParagraph paragraph = paragraphs.get(i);
            String s = text.text();
            boolean plain = !paragraph.bullet() && !paragraph.tableRow() && !listing[i];
            int level = 0;
            if (paragraph.markdownLevel() > 0) {
                level = paragraph.markdownLevel();
            } else if (plain && HeadingDetector.isChapterLine(s)) {
                level = inNotes ? HeadingDetector.TITLE_LEVEL : HeadingDetector.chapterLevel(s);
                if (HeadingDetector.isBareChapterLine(s) && i + 1 < paragraphs.size() && takesTitle(paragraphs.get(i + 1), texts.get(i + 1))) {
                    text = withTitle(text, texts.get(++i));
                }
            } else if (plain && !markdown && HeadingDetector.isFrontOrBackMatter(s)) {
                level = HeadingDetector.PART_LEVEL;
            } else if (plain && !markdown && window == 0 && headings.isShortTitle(s, nextText(texts, i))) {
                level = HeadingDetector.TITLE_LEVEL;
            }
            blocks.add(level > 0
                    ? new Block(BlockKind.HEADING, level, text.text(), text.offsets())
                    : new Block(BlockKind.PARAGRAPH, 0, text.text(), text.offsets()));
            guessed.add(level == HeadingDetector.TITLE_LEVEL && paragraph.markdownLevel() == 0 && !HeadingDetector.isChapterLine(s));
            endsPage.add(paragraphs.get(i).followedByPageNumber());
            inNotes |= level > 0 && HeadingDetector.isNotesTitle(s);
            window = nextWindow(window, level, s);
        }
        return demoteTitleRuns(blocks, guessed, endsPage);
    }

    /** Paragraphs left in which no title is guessed, after this one. */
    private static int nextWindow(int window, int level, String text) {
        if (level > 0) return 0;
        if (HeadingDetector.isQuotation(text) || HeadingDetector.isFigureCaption(text)) return CONTEXT_WINDOW;
        if (window > 0 && HeadingDetector.namesRole(text)) return 0;
        return Math.max(0, window - 1);
    }

    /** Demotes runs of more than {@link #MAX_TITLE_RUN} guessed titles with no text and no page break between them. */
    private static List<Block> demoteTitleRuns(List<Block> blocks, List<Boolean> guessed, List<Boolean> endsPage) {
        List<Block> out = new ArrayList<>(blocks);
        int runStart = 0;
        for (int i = 0; i < blocks.size(); i++) {
            boolean continuesRun = guessed.get(i) && i > runStart && !endsPage.get(i - 1);
            if (!continuesRun) {
                demote(out, runStart, i);
                runStart = guessed.get(i) ? i : i + 1;
            }
        }
        demote(out, runStart, blocks.size());
        return out;
    }

    private static void demote(List<Block> blocks, int from, int to) {
        if (to - from <= MAX_TITLE_RUN) return;
        for (int k = from; k < to; k++) {
            Block b = blocks.get(k);
            blocks.set(k, new Block(BlockKind.PARAGRAPH, 0, b.text(), b.sourceOffsets()));
        }
    }

    /** Chapter lines followed shortly by a page number list the chapters ("第 1 章 人才与技能 / 未来工作新格局 / 9"). */
    private static boolean[] chapterListings(List<RawParagraph> paragraphs, List<MappedText> texts) {
        boolean[] listing = new boolean[paragraphs.size()];
        for (int i = 0; i < paragraphs.size(); i++) {
            if (!HeadingDetector.isChapterLine(texts.get(i).text())) continue;
            for (int j = i; j < Math.min(paragraphs.size(), i + LISTING_REACH); j++) {
                if (j > i && HeadingDetector.isChapterLine(texts.get(j).text())) break;
                if (paragraphs.get(j).followedByPageNumber()) {
                    for (int k = i; k <= j; k++) listing[k] = true;
                    break;
                }
            }
        }
        return listing;
    }

    private boolean takesTitle(RawParagraph next, MappedText text) {
        return next.markdownLevel() == 0 && !next.bullet() && !next.tableRow()
                && headings.hasTitleShape(text.text()) && !HeadingDetector.isChapterLine(text.text());
    }

    private static MappedText withTitle(MappedText chapter, MappedText title) {
        return new MappedText.Builder().append(chapter, 0, chapter.length()).insert(' ')
                .append(title, 0, title.length()).build();
    }

    private static String nextText(List<MappedText> texts, int i) {
        for (int j = i + 1; j < texts.size(); j++) {
            if (!texts.get(j).isEmpty()) return texts.get(j).text();
        }
        return null;
    }
}
