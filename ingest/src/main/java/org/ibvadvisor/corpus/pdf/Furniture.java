package org.ibvadvisor.corpus.pdf;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the page furniture of a document: runs in the top or bottom band of a page ({@link #BAND} of its height, or
 * {@link #WIDE_BAND} for the page's first and last line: pages set with wide margins) that are page numbers (a bare number, a roman numeral, "第 3 页", "3 / 40", "Page 3", or the page's own label)
 * or that repeat on several pages (running heads and feet, told apart from page to page by their text with digits
 * ignored: "CEO 指南 | 7" and "CEO 指南 | 8" are one).
 */
final class Furniture {
    /** Share of the page height at the top and at the bottom where running heads, feet and page numbers sit. */
    static final float BAND = 0.08f;
    /** The first and last line of a page are furniture candidates this far in from the edge. */
    static final float WIDE_BAND = 0.15f;
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "(第\\s*)?[-–—]?\\s*\\d{1,4}\\s*[-–—]?\\s*(页)?"
                    + "|[-–—]?\\s*m{0,4}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})\\s*[-–—]?"
                    + "|(page|p\\.|pg\\.?)\\s*\\d{1,4}(\\s*(of|/)\\s*\\d{1,4})?"
                    + "|\\d{1,4}\\s*/\\s*\\d{1,4}",
            Pattern.CASE_INSENSITIVE);

    private Furniture() {
    }

    /**
     * @param labels the printed label of each page, or empty when the document has none
     * @return the furniture runs (by identity)
     */
    static Set<Run> find(List<PageRuns> pages, List<String> labels) {
        Map<String, Set<Integer>> pagesByKey = new HashMap<>();
        for (PageRuns page : pages) {
            for (int l = 0; l < page.lines().size(); l++) {
                for (Run run : page.lines().get(l).runs()) {
                    String key = key(page, l, run);
                    if (key != null) pagesByKey.computeIfAbsent(key, k -> new HashSet<>()).add(page.number());
                }
            }
        }
        int minRepeats = Math.clamp((int) Math.ceil(pages.size() * 0.25), 2, 4);
        Set<Run> furniture = Collections.newSetFromMap(new IdentityHashMap<>());
        for (PageRuns page : pages) {
            String label = labels.isEmpty() ? null : labels.get(page.number() - 1);
            for (int l = 0; l < page.lines().size(); l++) {
                for (Run run : page.lines().get(l).runs()) {
                    String key = key(page, l, run);
                    if (key == null) continue;
                    if (isPageNumber(run.text(), label) || pagesByKey.get(key).size() >= minRepeats) furniture.add(run);
                }
            }
        }
        return furniture;
    }

    static boolean isPageNumber(String text, String label) {
        String stripped = text.strip();
        if (stripped.isEmpty()) return false;
        if (label != null && !label.isBlank() && stripped.equalsIgnoreCase(label.strip())) return true;
        return PAGE_NUMBER.matcher(stripped).matches();
    }

    /**
     * The repetition key of a run of line {@code l} of a page when it is in a band ("top:CEO指南|#"), or {@code null}
     * for a run outside them.
     */
    private static String key(PageRuns page, int l, Run run) {
        float center = run.box().centerY();
        float top = l == 0 ? WIDE_BAND : BAND;
        float bottom = l == page.lines().size() - 1 ? WIDE_BAND : BAND;
        String band;
        if (center <= top * page.height()) band = "top:";
        else if (center >= (1 - bottom) * page.height()) band = "bottom:";
        else return null;
        return band + run.text().replaceAll("\\s+", "").replaceAll("\\d+", "#").toLowerCase(Locale.ROOT);
    }
}
