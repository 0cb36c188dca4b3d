package org.ibvadvisor.corpus.pdf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Stacks the runs of a page into text blocks: a run joins the block whose last line is right above it (at most
 * {@link #MAX_PITCH} font sizes, baseline to baseline) when it has the same font size, sits in the same callout box
 * (or none), lines up with the block (same left edge, same centre or same right edge) and is not much wider (a full
 * line under a short heading starts a block of its own). Runs on one baseline inside a block's width are one line.
 * A block's lines are then cut into paragraphs at a wider gap than its usual line pitch, and after a short line
 * that ends a sentence or is followed by an indented line.
 */
final class BlockBuilder {
    private static final float SAME_SIZE = 0.15f;
    private static final float MIN_PITCH = 0.5f;
    private static final float MAX_PITCH = 1.75f;
    private static final float SAME_BASELINE = 0.3f;
    /** Left edges this many sizes apart still line up (a first-line indent). */
    private static final float LEFT_ALIGN = 3f;
    private static final float CENTRE_ALIGN = 2f;
    private static final float RIGHT_ALIGN = 1f;
    /** A run this much wider than its block (or 2 sizes wider) does not join it. */
    private static final float MAX_WIDENING = 1.3f;
    /** A pitch this much above the block's median pitch separates paragraphs. */
    private static final float PARAGRAPH_GAP = 1.3f;
    /** A line ending this many sizes before the block's right edge is short. */
    private static final float SHORT_LINE = 1.5f;
    /** A line starting this many sizes after the block's left edge is indented. */
    private static final float INDENT = 0.8f;
    static final String SENTENCE_END = "。！？!?．.…：:；;";
    private static final String CLOSERS = "”’」』）)\"'";

    private BlockBuilder() {
    }

    static List<TextBlock> blocks(List<Run> runs, List<Rect> callouts) {
        List<Run> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(Run::baseline).thenComparingDouble(r -> r.box().x0()));
        List<Builder> builders = new ArrayList<>();
        for (Run run : sorted) {
            Rect container = container(run, callouts);
            Builder best = null;
            boolean sameLine = false;
            float bestPitch = Float.MAX_VALUE;
            for (Builder block : builders) {
                if (block.container != container || !sameSize(run, block.size)) continue;
                Run last = block.lines.getLast();
                float pitch = run.baseline() - last.baseline();
                if (Math.abs(pitch) < SAME_BASELINE * run.size()) {
                    if (run.box().x0() > last.box().x1() && run.box().overlapX(block.box) > 0 && run.box().x1() <= block.box.x1() + run.size()) {
                        best = block;
                        sameLine = true;
                        break;
                    }
                    continue;
                }
                if (pitch < MIN_PITCH * run.size() || pitch > MAX_PITCH * run.size() || !linesUp(run, block)) continue;
                if (pitch < bestPitch) {
                    best = block;
                    bestPitch = pitch;
                }
            }
            if (best == null) {
                builders.add(new Builder(run, container));
            } else if (sameLine) {
                best.extendLast(run);
            } else {
                best.add(run);
            }
        }
        return builders.stream().map(Builder::build).toList();
    }

    /** The smallest callout box holding the run's centre, or {@code null}. */
    private static Rect container(Run run, List<Rect> callouts) {
        Rect best = null;
        for (Rect box : callouts) {
            if (box.contains(run.box().centerX(), run.box().centerY()) && (best == null || box.area() < best.area())) best = box;
        }
        return best;
    }

    private static boolean sameSize(Run run, float size) {
        return Math.abs(run.size() - size) <= SAME_SIZE * Math.max(run.size(), size);
    }

    private static boolean linesUp(Run run, Builder block) {
        Rect r = run.box();
        Rect b = block.box;
        float size = run.size();
        if (r.width() > Math.max(MAX_WIDENING * b.width(), b.width() + 2 * size)) return false;
        // a short last line can sit wholly under the first line's indent: left edges alone say it belongs
        if (Math.abs(r.x0() - b.x0()) <= LEFT_ALIGN * size) return r.x0() < b.x1();
        if (r.overlapX(b) < 0.5f * Math.min(r.width(), b.width())) return false;
        return Math.abs(r.centerX() - b.centerX()) <= CENTRE_ALIGN * size || Math.abs(r.x1() - b.x1()) <= RIGHT_ALIGN * size;
    }

    /** Whether a line ends a sentence: its last char, closing quotes and brackets left aside, is a full stop or like one. */
    static boolean endsSentence(String text) {
        int i = text.length() - 1;
        while (i > 0 && CLOSERS.indexOf(text.charAt(i)) >= 0) i--;
        return i >= 0 && SENTENCE_END.indexOf(text.charAt(i)) >= 0;
    }

    private static final class Builder {
        final List<Run> lines = new ArrayList<>();
        final Rect container;
        final float size;
        Rect box;

        Builder(Run first, Rect container) {
            lines.add(first);
            this.container = container;
            this.size = first.size();
            this.box = first.box();
        }

        void add(Run run) {
            lines.add(run);
            box = box.union(run.box());
        }

        /** Adds a run to the last line, after a gap: one space. */
        void extendLast(Run run) {
            Run last = lines.removeLast();
            lines.add(new Run(last.text() + " " + run.text(), last.box().union(run.box()), last.baseline(), last.size()));
            box = box.union(run.box());
        }

        TextBlock build() {
            List<List<Run>> paragraphs = new ArrayList<>();
            List<Run> current = new ArrayList<>();
            float median = medianPitch();
            for (int i = 0; i < lines.size(); i++) {
                if (i > 0 && startsParagraph(lines.get(i - 1), lines.get(i), median)) {
                    paragraphs.add(current);
                    current = new ArrayList<>();
                }
                current.add(lines.get(i));
            }
            paragraphs.add(current);
            return new TextBlock(paragraphs, box, size, container != null);
        }

        private boolean startsParagraph(Run previous, Run line, float medianPitch) {
            float pitch = line.baseline() - previous.baseline();
            if (lines.size() >= 3 && pitch > PARAGRAPH_GAP * medianPitch) return true;
            boolean shortLine = previous.box().x1() < box.x1() - SHORT_LINE * size;
            boolean indented = line.box().x0() > box.x0() + INDENT * size;
            return shortLine && (endsSentence(previous.text()) || indented);
        }

        private float medianPitch() {
            if (lines.size() < 2) return size;
            float[] pitches = new float[lines.size() - 1];
            for (int i = 1; i < lines.size(); i++) pitches[i - 1] = lines.get(i).baseline() - lines.get(i - 1).baseline();
            Arrays.sort(pitches);
            return pitches[(pitches.length - 1) / 2];
        }
    }
}
