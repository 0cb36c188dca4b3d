package org.ibvadvisor.corpus.pdf;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A table: rows of cells, each cell's text whole (its wrapped lines joined) and in its row.
 *
 * @param box  where it sits
 * @param rows its rows, top down, each with one cell per column (empty for an empty cell)
 */
record Table(Rect box, List<List<String>> rows) implements PageItem {
    private static final Pattern PAGE_NUMBER = Pattern.compile("\\d{1,4}");

    Table {
        rows = rows.stream().map(List::copyOf).toList();
    }

    /**
     * Whether the table is a table of contents: every row ends with a page number (or has one cell: a part title),
     * at least two do, and the numbers never go down.
     */
    boolean isContents() {
        int numbered = 0;
        int lastPage = 0;
        for (List<String> row : rows) {
            List<String> cells = row.stream().filter(cell -> !cell.isBlank()).toList();
            if (cells.size() <= 1) continue;
            String last = cells.getLast().strip();
            if (!PAGE_NUMBER.matcher(last).matches()) return false;
            int page = Integer.parseInt(last);
            if (page < lastPage) return false;
            lastPage = page;
            numbered++;
        }
        return numbered >= 2;
    }
}
