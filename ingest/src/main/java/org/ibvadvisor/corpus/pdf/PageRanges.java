package org.ibvadvisor.corpus.pdf;

import java.util.ArrayList;
import java.util.List;

/** Page numbers for a message, as ranges: "1–3, 5, 8–12". */
final class PageRanges {
    private static final int MAX_RANGES = 12;

    private PageRanges() {
    }

    /** @param pages ascending page numbers */
    static String format(List<Integer> pages) {
        List<String> ranges = new ArrayList<>();
        int i = 0;
        while (i < pages.size()) {
            int j = i;
            while (j + 1 < pages.size() && pages.get(j + 1) == pages.get(j) + 1) j++;
            ranges.add(i == j ? Integer.toString(pages.get(i)) : pages.get(i) + "–" + pages.get(j));
            i = j + 1;
        }
        if (ranges.size() > MAX_RANGES) {
            return String.join(", ", ranges.subList(0, MAX_RANGES)) + " and " + (ranges.size() - MAX_RANGES) + " more";
        }
        return String.join(", ", ranges);
    }
}
