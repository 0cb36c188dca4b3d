package org.ibvadvisor.corpus.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The type area of a document: the size of its body text and the x-range its body text fills (for odd and even
 * pages apart, as facing pages mirror their margins). Text outside that range is in the margin.
 *
 * @param bodySize   the font size most of the text has
 * @param frameLeft  left edge of the body text, for even [0] and odd [1] pages; NaN when unknown
 * @param frameRight right edge of the body text, likewise
 */
record DocumentStyle(float bodySize, float[] frameLeft, float[] frameRight) {
    /** Runs within this share of the body size are body text. */
    private static final float BODY_SIZE_TOLERANCE = 0.12f;
    /** The frame runs from this share of the body text's chars (by left edge) to the mirror share (by right edge). */
    private static final double FRAME_PERCENTILE = 0.05;
    private static final int MIN_RUNS_FOR_PARITY = 8;

    static DocumentStyle of(List<PageRuns> pages, Set<Run> furniture) {
        Map<Float, Integer> chars = new HashMap<>();
        for (PageRuns page : pages) {
            for (Run run : page.runs()) {
                if (!furniture.contains(run)) chars.merge(Math.round(run.size() * 2) / 2f, run.text().length(), Integer::sum);
            }
        }
        float body = chars.entrySet().stream().max(Map.Entry.<Float, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).orElse(10f);
        List<List<Run>> byParity = List.of(new ArrayList<>(), new ArrayList<>());
        for (PageRuns page : pages) {
            for (Run run : page.runs()) {
                if (!furniture.contains(run) && Math.abs(run.size() - body) <= BODY_SIZE_TOLERANCE * body) {
                    byParity.get(page.number() % 2).add(run);
                }
            }
        }
        List<Run> all = new ArrayList<>(byParity.get(0));
        all.addAll(byParity.get(1));
        float[] left = new float[2];
        float[] right = new float[2];
        for (int parity = 0; parity < 2; parity++) {
            List<Run> runs = byParity.get(parity).size() >= MIN_RUNS_FOR_PARITY ? byParity.get(parity) : all;
            left[parity] = percentile(runs, Rect::x0, FRAME_PERCENTILE);
            right[parity] = percentile(runs, Rect::x1, 1 - FRAME_PERCENTILE);
        }
        return new DocumentStyle(body, left, right);
    }

    /** The x-range of the body text on a page: [left, right]; the whole page width when unknown. */
    float[] frame(PageRuns page) {
        int parity = page.number() % 2;
        if (Float.isNaN(frameLeft[parity]) || frameRight[parity] <= frameLeft[parity]) return new float[] {0, page.width()};
        return new float[] {frameLeft[parity], frameRight[parity]};
    }

    /** The char-weighted percentile of an edge of the runs; NaN for none. */
    private static float percentile(List<Run> runs, EdgeOf edge, double share) {
        if (runs.isEmpty()) return Float.NaN;
        List<Run> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(run -> edge.of(run.box())));
        long total = sorted.stream().mapToLong(run -> run.text().length()).sum();
        long seen = 0;
        for (Run run : sorted) {
            seen += run.text().length();
            if (seen >= share * total) return edge.of(run.box());
        }
        return edge.of(sorted.getLast().box());
    }

    private interface EdgeOf {
        float of(Rect box);
    }
}
