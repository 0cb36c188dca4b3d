package org.ibvadvisor.corpus.pdf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lays out one page: drops its furniture, finds its tables, stacks the other runs into text blocks, sets apart the
 * asides (blocks in the margin, outside the body frame of {@link DocumentStyle}, and blocks inside a callout box)
 * and the footnotes (small type at the foot of the page, below everything else, from the first line that starts
 * with a note mark), and puts the rest in reading order. Thread-safe.
 */
final class PageLayout {
    /** Text at most this share of the body size is small (footnotes). */
    private static final float SMALL = 0.88f;
    /** Footnotes start below this share of the page height. */
    private static final float FOOT = 0.5f;
    /** A box covering more than this share of the page is a background, not a callout. */
    private static final float MAX_CALLOUT_AREA = 0.5f;
    /** A box holding more than this share of the page's text is a panel, not a callout. */
    private static final float MAX_CALLOUT_TEXT = 0.6f;
    /** A block with less than this share of its width in the body frame is in the margin. */
    private static final float IN_FRAME = 0.5f;
    /** A note mark: "1 ", "¹", "*", "†", "注：", "资料来源", "Source:". */
    static final Pattern NOTE_MARK = Pattern.compile(
            "([0-9]{1,3}(?![0-9.,%％])|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|[*†‡§]|注[:：释]|资料来源|来源[:：]|(?i:source|note)s?:).*");

    private final DocumentStyle style;

    PageLayout(DocumentStyle style) {
        this.style = style;
    }

    LaidOutPage layout(PageRuns page, Set<Run> furniture) {
        float[] frame = style.frame(page);
        List<Line> lines = new ArrayList<>();
        for (Line line : page.lines()) {
            List<Run> kept = line.runs().stream().filter(run -> !furniture.contains(run)).toList();
            if (!kept.isEmpty()) lines.add(new Line(kept));
        }
        List<Rect> callouts = callouts(page, lines);
        TableFinder.Result found = new TableFinder(style.bodySize(), frame, page.rules(), callouts).find(lines);
        List<TextBlock> inFlow = new ArrayList<>();
        List<PageItem> asides = new ArrayList<>();
        for (TextBlock block : BlockBuilder.blocks(found.rest(), callouts)) {
            if (block.boxed() || inMargin(block, frame)) asides.add(block);
            else inFlow.add(block);
        }
        List<TextBlock> footnotes = footnotes(page, inFlow, found.tables());
        Set<TextBlock> notes = Collections.newSetFromMap(new IdentityHashMap<>());
        notes.addAll(footnotes);
        List<PageItem> body = new ArrayList<>(found.tables());
        List<TextBlock> text = inFlow.stream().filter(block -> !notes.contains(block)).toList();
        text.forEach(block -> body.add(block.withLineEnd(columnLineEnd(block, text))));
        List<PageItem> orderedAsides = new ArrayList<>(ReadingOrder.sort(asides));
        TextBlock sideways = sideways(page);
        if (sideways != null) orderedAsides.add(sideways);
        return new LaidOutPage(page.number(), ReadingOrder.sort(body), orderedAsides, splitAtMarks(footnotes));
    }

    /**
     * Where the full lines of a block's column end: the typical right edge of the full lines of the blocks of two or
     * more lines in it (see {@link #fullLineEnd}).
     */
    private static float columnLineEnd(TextBlock block, List<TextBlock> blocks) {
        float end = fullLineEnd(block);
        for (TextBlock other : blocks) {
            if (other.lines().size() < 2 || Math.abs(other.size() - block.size()) > 0.1f * block.size()) continue;
            if (other.box().overlapX(block.box()) >= 0.5f * Math.min(other.box().width(), block.box().width())
                    && Math.abs(other.box().x0() - block.box().x0()) <= block.size()) {
                end = Math.max(end, fullLineEnd(other));
            }
        }
        return end;
    }

    /**
     * The (lower) median right edge of a block's lines that do not end a paragraph (its right edge when it has none): a line
     * whose closing punctuation hangs past the measure (Chinese typesetting sets 。 or ， there rather than start a line
     * with it) does not move where a full line ends.
     */
    private static float fullLineEnd(TextBlock block) {
        List<Float> ends = new ArrayList<>();
        for (List<Run> paragraph : block.paragraphs()) {
            for (int l = 0; l < paragraph.size() - 1; l++) ends.add(paragraph.get(l).box().x1());
        }
        if (ends.isEmpty()) return block.box().x1();
        Collections.sort(ends);
        return ends.get((ends.size() - 1) / 2); // the lower median: of two lines, the one not hanging
    }

    /** Boxes that set text apart: not the page background, not a panel holding most of the page's text. */
    private static List<Rect> callouts(PageRuns page, List<Line> lines) {
        if (page.boxes().isEmpty()) return List.of();
        List<Run> runs = lines.stream().flatMap(line -> line.runs().stream()).toList();
        long total = runs.stream().mapToLong(run -> run.text().length()).sum();
        List<Rect> callouts = new ArrayList<>();
        for (Rect box : page.boxes()) {
            if (box.area() > MAX_CALLOUT_AREA * page.width() * page.height()) continue;
            long inside = runs.stream().filter(run -> box.contains(run.box().centerX(), run.box().centerY()))
                    .mapToLong(run -> run.text().length()).sum();
            if (inside > 0 && inside <= MAX_CALLOUT_TEXT * total) callouts.add(box);
        }
        return callouts;
    }

    private static boolean inMargin(TextBlock block, float[] frame) {
        Rect box = block.box();
        float inFrame = Math.max(0, Math.min(frame[1], box.x1()) - Math.max(frame[0], box.x0()));
        return inFrame < IN_FRAME * box.width();
    }

    /**
     * Small blocks in the lower half of the page with no larger text or table below them, from the first one that
     * starts with a note mark down.
     */
    private List<TextBlock> footnotes(PageRuns page, List<TextBlock> blocks, List<Table> tables) {
        float small = SMALL * style.bodySize();
        List<PageItem> large = new ArrayList<>(tables);
        blocks.stream().filter(block -> block.size() > small).forEach(large::add);
        List<TextBlock> candidates = new ArrayList<>();
        for (TextBlock block : blocks) {
            if (block.size() > small || block.box().top() < FOOT * page.height()) continue;
            boolean below = large.stream().anyMatch(item -> item.box().overlapX(block.box()) > 0
                    && item.box().top() >= block.box().bottom() - 1);
            if (!below) candidates.add(block);
        }
        candidates.sort(Comparator.comparingDouble((TextBlock block) -> block.box().top()).thenComparingDouble(block -> block.box().x0()));
        for (int k = 0; k < candidates.size(); k++) {
            if (NOTE_MARK.matcher(candidates.get(k).firstLine().text()).matches()) return candidates.subList(k, candidates.size());
        }
        return List.of();
    }

    /** Footnote blocks with a paragraph per note: a new one at each line that starts with a mark. */
    private static List<TextBlock> splitAtMarks(List<TextBlock> footnotes) {
        List<TextBlock> split = new ArrayList<>();
        for (TextBlock block : footnotes) {
            List<List<Run>> paragraphs = new ArrayList<>();
            for (List<Run> paragraph : block.paragraphs()) {
                List<Run> current = new ArrayList<>();
                for (Run line : paragraph) {
                    if (!current.isEmpty() && NOTE_MARK.matcher(line.text()).matches()) {
                        paragraphs.add(current);
                        current = new ArrayList<>();
                    }
                    current.add(line);
                }
                paragraphs.add(current);
            }
            split.add(new TextBlock(paragraphs, block.box(), block.size(), block.boxed()));
        }
        return split;
    }

    /** The page's text set in other directions as one block of lines, or {@code null}. */
    private static TextBlock sideways(PageRuns page) {
        if (page.rotatedLines().isEmpty()) return null;
        List<Run> lines = new ArrayList<>();
        for (Line line : page.rotatedLines()) {
            Run first = line.runs().getFirst();
            String text = String.join(" ", line.runs().stream().map(Run::text).toList());
            lines.add(new Run(text, first.box(), first.baseline(), first.size()));
        }
        Rect box = lines.stream().map(Run::box).reduce(Rect::union).orElseThrow();
        return new TextBlock(List.of(lines), box, lines.getFirst().size(), false);
    }
}
