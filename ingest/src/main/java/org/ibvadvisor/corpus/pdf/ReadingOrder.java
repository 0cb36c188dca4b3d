package org.ibvadvisor.corpus.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Puts the items of a page in reading order by the two rules of Breuel ("High Performance Document Layout
 * Analysis", 2003): an item comes before another when their x-ranges overlap and it is above the other, or when it
 * lies wholly to the left of the other and no third item between them (vertically) spans across both. This reads
 * two or more columns column by column, with a full-width title or table above, between or below them in its place,
 * whatever the lines of the columns line up with. Items are then taken in topological order, the top-left-most
 * first where the rules leave a choice (or contradict each other).
 */
final class ReadingOrder {
    /** Pages with more items than this (a chart's scattered labels) are read top down, left to right. */
    private static final int MAX_ITEMS = 200;
    private static final Comparator<PageItem> TOP_LEFT =
            Comparator.<PageItem>comparingDouble(item -> item.box().top()).thenComparingDouble(item -> item.box().x0());

    private ReadingOrder() {
    }

    static <T extends PageItem> List<T> sort(List<T> items) {
        List<T> remaining = new ArrayList<>(items);
        remaining.sort(TOP_LEFT);
        int n = remaining.size();
        if (n <= 1 || n > MAX_ITEMS) return remaining;
        boolean[][] before = new boolean[n][n];
        int[] predecessors = new int[n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (a != b && precedes(a, b, remaining)) {
                    before[a][b] = true;
                    predecessors[b]++;
                }
            }
        }
        List<T> ordered = new ArrayList<>(n);
        boolean[] done = new boolean[n];
        for (int step = 0; step < n; step++) {
            int next = -1;
            for (int i = 0; i < n && next < 0; i++) if (!done[i] && predecessors[i] == 0) next = i;
            for (int i = 0; i < n && next < 0; i++) if (!done[i]) next = i; // a cycle: take the top-left-most
            done[next] = true;
            ordered.add(remaining.get(next));
            for (int b = 0; b < n; b++) if (before[next][b]) predecessors[b]--;
        }
        return ordered;
    }

    private static boolean precedes(int a, int b, List<? extends PageItem> items) {
        Rect first = items.get(a).box();
        Rect second = items.get(b).box();
        if (first.overlapX(second) > 0) return first.centerY() < second.centerY();
        if (first.x1() > second.x0()) return false;
        float upper = Math.min(first.centerY(), second.centerY());
        float lower = Math.max(first.centerY(), second.centerY());
        for (int c = 0; c < items.size(); c++) {
            if (c == a || c == b) continue;
            Rect between = items.get(c).box();
            if (between.centerY() > upper && between.centerY() < lower && between.overlapX(first) > 0 && between.overlapX(second) > 0) {
                return false;
            }
        }
        return true;
    }
}
