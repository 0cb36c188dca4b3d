package org.ibvadvisor.corpus.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups the glyphs of one reading direction into lines and runs by their positions, not by drawing order: glyphs
 * whose boxes overlap vertically by at least half form a line (a superscript sits in its line); a horizontal gap
 * wider than {@link #RUN_GAP} font sizes splits a line into runs (columns, table cells, a note beside the text),
 * glyphs of one baseline going together (two lines of a small note beside a heading are two runs).
 * Inside a run a space is kept where the PDF draws a space glyph, and added where a gap between non-CJK glyphs is
 * wider than {@link #WORD_GAP} font sizes; never between two CJK glyphs drawn without one. Small raised digits
 * (footnote marks) become superscript digits, which the cleaner knows as marks.
 */
final class RunBuilder {
    /** A gap wider than this many font sizes splits a line into runs. */
    static final float RUN_GAP = 1.0f;
    /** A gap wider than this many font sizes between two non-CJK glyphs is a word space. */
    static final float WORD_GAP = 0.2f;
    /** Two glyph boxes overlapping vertically by at least this share of the smaller one are on one line. */
    private static final float LINE_OVERLAP = 0.5f;
    /** A glyph at most this share of its run's size, raised by at least {@link #SUPERSCRIPT_RISE}, is superscript. */
    private static final float SUPERSCRIPT_SIZE = 0.8f;
    private static final float SUPERSCRIPT_RISE = 0.2f;
    /** How many of the latest lines a glyph may join (lines are built top down). */
    private static final int OPEN_LINES = 8;
    /** A piece of at most this many glyphs shifted by at most {@link #MAX_SHIFT} sizes inside another joins it. */
    private static final int MAX_SHIFTED_GLYPHS = 2;
    private static final float MAX_SHIFT = 0.5f;
    /** Glyphs whose baselines differ by at most this share of their size share a baseline. */
    private static final float SAME_BASELINE = 0.15f;
    private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private RunBuilder() {
    }

    /** The lines of glyphs all of one direction, top down, each with its runs left to right. */
    static List<Line> lines(List<Glyph> glyphs) {
        List<Glyph> sorted = new ArrayList<>(glyphs);
        sorted.sort(Comparator.comparingDouble(Glyph::baseline).thenComparingDouble(Glyph::x));
        List<Band> bands = new ArrayList<>();
        for (Glyph glyph : sorted) {
            Band best = null;
            float bestOverlap = LINE_OVERLAP;
            for (int i = bands.size() - 1; i >= Math.max(0, bands.size() - OPEN_LINES); i--) {
                float overlap = bands.get(i).overlap(glyph);
                if (overlap >= bestOverlap) {
                    best = bands.get(i);
                    bestOverlap = overlap;
                }
            }
            if (best == null) {
                best = new Band(glyph);
                bands.add(best);
            } else {
                best.add(glyph);
            }
        }
        List<Line> lines = new ArrayList<>();
        for (Band band : bands) {
            List<Run> runs = runs(band.glyphs);
            if (!runs.isEmpty()) lines.add(new Line(runs));
        }
        lines.sort(Comparator.comparingDouble(Line::baseline));
        return lines;
    }

    /**
     * The runs of one line: its glyphs by baseline (a line beside a larger heading can hold two lines of a small
     * note), each baseline's glyphs cut at wide gaps, and small raised or lowered pieces (footnote marks) put back
     * into the larger piece they sit next to.
     */
    private static List<Run> runs(List<Glyph> glyphs) {
        List<List<Glyph>> pieces = new ArrayList<>();
        for (List<Glyph> strand : strands(glyphs)) pieces.addAll(splitAtGaps(strand));
        attachSmallPieces(pieces);
        List<Run> runs = new ArrayList<>();
        for (List<Glyph> piece : pieces) addRun(piece, runs);
        runs.sort(Comparator.comparingDouble(run -> run.box().x0()));
        return runs;
    }

    /** Glyphs sharing a baseline (within {@link #SAME_BASELINE} of the larger size). */
    private static List<List<Glyph>> strands(List<Glyph> glyphs) {
        List<Glyph> byBaseline = new ArrayList<>(glyphs);
        byBaseline.sort(Comparator.comparingDouble(Glyph::baseline));
        List<List<Glyph>> strands = new ArrayList<>();
        List<Glyph> current = new ArrayList<>();
        for (Glyph glyph : byBaseline) {
            if (!current.isEmpty()) {
                Glyph first = current.getFirst();
                if (glyph.baseline() - first.baseline() > SAME_BASELINE * Math.max(glyph.size(), first.size())) {
                    strands.add(current);
                    current = new ArrayList<>();
                }
            }
            current.add(glyph);
        }
        if (!current.isEmpty()) strands.add(current);
        return strands;
    }

    private static List<List<Glyph>> splitAtGaps(List<Glyph> strand) {
        strand.sort(Comparator.comparingDouble(Glyph::x));
        List<List<Glyph>> pieces = new ArrayList<>();
        List<Glyph> current = new ArrayList<>();
        Glyph lastVisible = null;
        for (Glyph glyph : strand) {
            if (!glyph.isSpace() && lastVisible != null
                    && glyph.x() - lastVisible.right() > RUN_GAP * Math.max(glyph.size(), lastVisible.size())) {
                pieces.add(current);
                current = new ArrayList<>();
            }
            current.add(glyph);
            if (!glyph.isSpace()) lastVisible = glyph;
        }
        pieces.add(current);
        pieces.removeIf(piece -> piece.stream().allMatch(Glyph::isSpace));
        return pieces;
    }

    /** Puts each piece of small glyphs next to (or inside) a piece of larger ones on its line into that piece. */
    private static void attachSmallPieces(List<List<Glyph>> pieces) {
        boolean merged = true;
        while (merged && pieces.size() > 1) {
            merged = false;
            for (int i = 0; i < pieces.size() && !merged; i++) {
                List<Glyph> small = pieces.get(i);
                float smallSize = dominantSize(small);
                for (int j = 0; j < pieces.size(); j++) {
                    List<Glyph> large = pieces.get(j);
                    if (i == j || !(smallSize <= SUPERSCRIPT_SIZE * dominantSize(large) ? beside(small, large) : shiftedInto(small, large))) continue;
                    large.addAll(small);
                    large.sort(Comparator.comparingDouble(Glyph::x));
                    pieces.remove(i);
                    merged = true;
                    break;
                }
            }
        }
    }

    /** Whether a small piece touches a large one horizontally (within a run gap) and sits within its height. */
    private static boolean beside(List<Glyph> small, List<Glyph> large) {
        float size = dominantSize(large);
        float smallLeft = left(small);
        float smallRight = right(small);
        float gap = Math.max(smallLeft - right(large), left(large) - smallRight);
        if (gap > RUN_GAP * size) return false;
        float largeBaseline = medianBaseline(large, size);
        float smallBaseline = medianBaseline(small, dominantSize(small));
        return smallBaseline > largeBaseline - size && smallBaseline < largeBaseline + Glyph.DESCENT * size + size / 2;
    }

    /**
     * Whether a piece of a glyph or two of the same size, a little raised or lowered, sits inside or right against a
     * longer piece: the "E" of the TeX logo, a kerned or shifted letter, which belongs to that piece's text.
     */
    private static boolean shiftedInto(List<Glyph> piece, List<Glyph> other) {
        long visible = piece.stream().filter(g -> !g.isSpace()).count();
        if (visible > MAX_SHIFTED_GLYPHS || visible >= other.stream().filter(g -> !g.isSpace()).count()) return false;
        float size = dominantSize(other);
        float slack = WORD_GAP * size;
        if (left(piece) < left(other) - slack || right(piece) > right(other) + slack) return false;
        return Math.abs(medianBaseline(piece, dominantSize(piece)) - medianBaseline(other, size)) <= MAX_SHIFT * size;
    }

    private static float left(List<Glyph> glyphs) {
        return (float) glyphs.stream().filter(g -> !g.isSpace()).mapToDouble(Glyph::x).min().orElse(0);
    }

    private static float right(List<Glyph> glyphs) {
        return (float) glyphs.stream().filter(g -> !g.isSpace()).mapToDouble(Glyph::right).max().orElse(0);
    }

    private static void addRun(List<Glyph> glyphs, List<Run> runs) {
        glyphs.sort(Comparator.comparingDouble(Glyph::x));
        List<Glyph> visible = glyphs.stream().filter(g -> !g.isSpace()).toList();
        if (visible.isEmpty()) return;
        float size = dominantSize(visible);
        float baseline = medianBaseline(visible, size);
        StringBuilder text = new StringBuilder();
        Glyph previous = null;
        boolean spaceDrawn = false;
        for (Glyph glyph : glyphs) {
            if (glyph.isSpace()) {
                spaceDrawn = previous != null;
                continue;
            }
            String chars = superscript(glyph, size, baseline) ? toSuperscript(glyph.text()) : glyph.text();
            if (previous != null && !text.isEmpty() && text.charAt(text.length() - 1) != ' ') {
                boolean cjkPair = CjkChars.isCjk(text.charAt(text.length() - 1)) && CjkChars.isCjk(chars.charAt(0));
                float gap = glyph.x() - previous.right();
                if (spaceDrawn || (!cjkPair && gap > WORD_GAP * size)) text.append(' ');
            }
            text.append(chars);
            previous = glyph;
            spaceDrawn = false;
        }
        String stripped = text.toString().strip();
        if (stripped.isEmpty()) return;
        Rect box = new Rect(visible.getFirst().x(), baseline - Glyph.ASCENT * size,
                visible.stream().map(Glyph::right).max(Float::compare).orElseThrow(), baseline + Glyph.DESCENT * size);
        runs.add(new Run(stripped, box, baseline, size));
    }

    /** The median baseline of the glyphs of the run's size (superscripts and subscripts left out). */
    private static float medianBaseline(List<Glyph> glyphs, float size) {
        double[] baselines = glyphs.stream().filter(g -> Math.abs(g.size() - size) <= 0.1f * size)
                .mapToDouble(Glyph::baseline).sorted().toArray();
        return baselines.length == 0 ? glyphs.getFirst().baseline() : (float) baselines[(baselines.length - 1) / 2];
    }

    /** The font size most characters have (the larger on a tie), to the half point. */
    private static float dominantSize(List<Glyph> glyphs) {
        Map<Float, Integer> counts = new HashMap<>();
        for (Glyph glyph : glyphs) if (!glyph.isSpace()) counts.merge(Math.round(glyph.size() * 2) / 2f, glyph.text().length(), Integer::sum);
        float best = 0;
        int bestCount = -1;
        for (var entry : counts.entrySet()) {
            if (entry.getValue() > bestCount || (entry.getValue() == bestCount && entry.getKey() > best)) {
                best = entry.getKey();
                bestCount = entry.getValue();
            }
        }
        return best;
    }

    private static boolean superscript(Glyph glyph, float size, float baseline) {
        return glyph.size() <= SUPERSCRIPT_SIZE * size && baseline - glyph.baseline() >= SUPERSCRIPT_RISE * size;
    }

    private static String toSuperscript(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) out.append(c >= '0' && c <= '9' ? SUPERSCRIPT_DIGITS.charAt(c - '0') : c);
        return out.toString();
    }

    /** Glyphs on one line; its vertical extent is that of its largest glyph. */
    private static final class Band {
        final List<Glyph> glyphs = new ArrayList<>();
        float top;
        float bottom;
        float size;

        Band(Glyph first) {
            glyphs.add(first);
            top = first.top();
            bottom = first.bottom();
            size = first.size();
        }

        void add(Glyph glyph) {
            glyphs.add(glyph);
            if (glyph.size() > size) {
                top = glyph.top();
                bottom = glyph.bottom();
                size = glyph.size();
            }
        }

        /** Vertical overlap with the glyph as a share of the smaller of the two heights. */
        float overlap(Glyph glyph) {
            float shared = Math.min(bottom, glyph.bottom()) - Math.max(top, glyph.top());
            float smaller = Math.min(bottom - top, glyph.bottom() - glyph.top());
            return smaller <= 0 ? 0 : shared / smaller;
        }
    }
}
