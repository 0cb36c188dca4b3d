package org.ibvadvisor.corpus.pdf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Finds the tables of a page among its lines. A table row is a line with two or more cells (runs set apart by wide
 * gaps) within the body frame that is not a line of each of two or three text columns (all cells wide); a table is
 * two or more such rows in a row, their cells in the same columns, with the lines of wrapped cells between them
 * (fewer of those than rows: text columns beside a column of list numbers have mostly one-cell lines), and none
 * of its columns a column of justified text (as beside a list of names), unless rules are drawn between its rows.
 * Rows are told apart by the rules drawn between them in a ruled grid, else by where lines start: in the first
 * column, or not under a wrapped cell ({@link #opensRow}).
 */
final class TableFinder {
    /** Cells of column text are at least this share of the frame wide. */
    private static final float COLUMN_TEXT_WIDTH = 0.28f;
    /** Rows are at most this many body sizes apart. */
    private static final float MAX_ROW_PITCH = 3.0f;
    /** Lines of one wrapped cell are at most this many body sizes apart. */
    private static final float MAX_CONTINUATION_PITCH = 1.8f;
    /** Lines of a justified text column end within this many body sizes of each other. */
    private static final float TEXT_EDGE = 1.5f;
    /** Runs larger than this many body sizes are headings, never cells. */
    private static final float MAX_CELL_SIZE = 1.25f;

    /** The tables found and the runs left for text blocks. */
    record Result(List<Table> tables, List<Run> rest) {
    }

    private final float bodySize;
    private final float[] frame;
    private final List<Rect> rules;
    private final List<Rect> callouts;

    TableFinder(float bodySize, float[] frame, List<Rect> rules, List<Rect> callouts) {
        this.bodySize = bodySize;
        this.frame = frame;
        this.rules = rules;
        this.callouts = callouts;
    }

    Result find(List<Line> lines) {
        int n = lines.size();
        List<List<Run>> cells = new ArrayList<>(n);
        boolean[] candidate = new boolean[n];
        for (int i = 0; i < n; i++) {
            cells.add(cells(lines.get(i)));
            candidate[i] = cells.get(i).size() >= 2 && !isColumnText(cells.get(i));
        }
        List<Table> tables = new ArrayList<>();
        Set<Run> used = Collections.newSetFromMap(new IdentityHashMap<>());
        int i = 0;
        while (i < n) {
            if (!candidate[i]) {
                i++;
                continue;
            }
            List<float[]> columns = new ArrayList<>();
            align(cells.get(i), columns);
            List<Integer> members = new ArrayList<>(List.of(i));
            int rows = 1;
            int last = i;
            for (int j = i + 1; j < n; j++) {
                if (cells.get(j).isEmpty()) continue; // only margin text on this line: the table goes on beside it
                float pitch = baseline(cells.get(j)) - baseline(cells.get(last));
                if (pitch > MAX_ROW_PITCH * bodySize) break;
                if (candidate[j] && fits(cells.get(j), columns)) {
                    align(cells.get(j), columns);
                    rows++;
                } else if (!candidate[j] && continues(cells.get(j), columns)
                        && (pitch <= MAX_CONTINUATION_PITCH * bodySize || ruleBetween(baseline(cells.get(last)), baseline(cells.get(j)), columns))) {
                    // a wrapped cell's next line, or a row with one cell under a rule
                } else {
                    break;
                }
                members.add(j);
                last = j;
            }
            // two columns of text, one with a list's numbers, look like a table but for their many one-cell lines
            if (rows < 2 || rows < members.size() - rows) {
                i++;
                continue;
            }
            columns.sort((a, b) -> Float.compare(a[0], b[0]));
            // nor is a column of justified text beside a list of names a table, unless rules say it is
            if (!ruled(cells, members, columns) && hasTextColumn(cells, candidate, members, columns)) {
                i++;
                continue;
            }
            tables.add(table(cells, candidate, members, columns));
            members.forEach(m -> used.addAll(cells.get(m)));
            i = last + 1;
        }
        List<Run> rest = new ArrayList<>();
        for (Line line : lines) {
            for (Run run : line.runs()) if (!used.contains(run)) rest.add(run);
        }
        return new Result(tables, rest);
    }

    /** The runs of a line that can be cells: in the frame, not headings, not in a callout box beside the others. */
    private List<Run> cells(Line line) {
        List<Run> inFrame = new ArrayList<>();
        for (Run run : line.runs()) {
            float overlap = Math.max(0, Math.min(frame[1], run.box().x1()) - Math.max(frame[0], run.box().x0()));
            if (overlap >= 0.5f * run.box().width() && run.size() <= MAX_CELL_SIZE * bodySize) inFrame.add(run);
        }
        List<Run> cells = new ArrayList<>();
        for (Run run : inFrame) {
            boolean besideInBox = callouts.stream().anyMatch(box -> box.contains(run.box().centerX(), run.box().centerY())
                    && inFrame.stream().anyMatch(other -> !box.contains(other.box().centerX(), other.box().centerY())));
            if (!besideInBox) cells.add(run);
        }
        return cells;
    }

    private boolean isColumnText(List<Run> cells) {
        float width = frame[1] - frame[0];
        return cells.size() <= 3 && cells.stream().allMatch(c -> c.box().width() >= COLUMN_TEXT_WIDTH * width);
    }

    /** Whether each cell falls in at most one column and no two in the same one. */
    private static boolean fits(List<Run> cells, List<float[]> columns) {
        boolean[] taken = new boolean[columns.size()];
        for (Run cell : cells) {
            int hit = -1;
            for (int c = 0; c < columns.size(); c++) {
                if (overlaps(cell, columns.get(c))) {
                    if (hit >= 0) return false;
                    hit = c;
                }
            }
            if (hit >= 0) {
                if (taken[hit]) return false;
                taken[hit] = true;
            }
        }
        return true;
    }

    /** Widens each cell's column by the cell, opening a column for a cell that falls in none. */
    private static void align(List<Run> cells, List<float[]> columns) {
        for (Run cell : cells) {
            float[] column = columns.stream().filter(c -> overlaps(cell, c)).findFirst().orElse(null);
            if (column == null) {
                columns.add(new float[] {cell.box().x0(), cell.box().x1()});
            } else {
                column[0] = Math.min(column[0], cell.box().x0());
                column[1] = Math.max(column[1], cell.box().x1());
            }
        }
    }

    /** A line with cells that each lie within one column: the next line of wrapped cells. */
    private boolean continues(List<Run> cells, List<float[]> columns) {
        if (cells.isEmpty()) return false;
        float slack = bodySize;
        return cells.stream().allMatch(cell -> columns.stream()
                .anyMatch(c -> cell.box().x0() >= c[0] - slack && cell.box().x1() <= c[1] + slack));
    }

    private Table table(List<List<Run>> cells, boolean[] candidate, List<Integer> members, List<float[]> columns) {
        List<Boolean> opensRow = opensRow(cells, candidate, members, columns);
        List<List<String>> rows = new ArrayList<>();
        String[] row = null;
        Rect box = null;
        for (int k = 0; k < members.size(); k++) {
            int m = members.get(k);
            if (row == null || opensRow.get(k)) {
                if (row != null) rows.add(List.of(row));
                row = new String[columns.size()];
                Arrays.fill(row, "");
            }
            for (Run cell : cells.get(m)) {
                int c = column(cell, columns);
                row[c] = CjkChars.join(row[c], cell.text());
                box = box == null ? cell.box() : box.union(cell.box());
            }
        }
        rows.add(List.of(row));
        return new Table(box, rows);
    }

    /**
     * For each member line, whether it opens a new row. In a grid (rules between the rows: two or more inside the
     * table) the rules alone say so. Otherwise (no rules, or only one under the header, as booktabs draws them) a
     * line opens a row when a rule lies above it, when it has a cell in the first column, or when one of its cells
     * does not go on from a wrapped cell above it (a cell whose line reached its column's right edge).
     */
    private List<Boolean> opensRow(List<List<Run>> cells, boolean[] candidate, List<Integer> members, List<float[]> columns) {
        float left = columns.getFirst()[0];
        float right = columns.getLast()[1];
        float top = baseline(cells.get(members.getFirst()));
        float bottom = baseline(cells.get(members.getLast()));
        float minRuleWidth = 0.3f * (right - left);
        List<Float> ruled = rules.stream().filter(r -> r.centerY() > top && r.centerY() < bottom)
                .filter(r -> Math.min(right, r.x1()) - Math.max(left, r.x0()) >= minRuleWidth)
                .map(Rect::centerY).sorted().toList();
        long distinctRules = ruled.stream().map(y -> Math.round(y / 2)).distinct().count();
        boolean grid = distinctRules >= 2;
        List<Boolean> opens = new ArrayList<>();
        for (int k = 0; k < members.size(); k++) {
            if (k == 0) {
                opens.add(true);
                continue;
            }
            List<Run> above = cells.get(members.get(k - 1));
            List<Run> here = cells.get(members.get(k));
            float from = baseline(above);
            float to = baseline(here) - Glyph.ASCENT * bodySize / 2;
            boolean ruleAbove = ruled.stream().anyMatch(y -> y > from && y < to);
            if (grid) {
                opens.add(ruleAbove);
            } else {
                boolean firstColumn = here.stream().anyMatch(cell -> column(cell, columns) == 0);
                opens.add(ruleAbove || firstColumn || !continuesWrappedCells(above, here, columns));
            }
        }
        return opens;
    }

    /** Whether every cell of a line sits under a cell of the line above that filled its column (and so wrapped). */
    private boolean continuesWrappedCells(List<Run> above, List<Run> here, List<float[]> columns) {
        for (Run cell : here) {
            int c = column(cell, columns);
            boolean wrapped = above.stream().anyMatch(a -> column(a, columns) == c
                    && a.box().x1() >= columns.get(c)[1] - TEXT_EDGE * bodySize);
            if (!wrapped) return false;
        }
        return true;
    }

    /** Whether rules are drawn between the lines of a table. */
    private boolean ruled(List<List<Run>> cells, List<Integer> members, List<float[]> columns) {
        for (int k = 1; k < members.size(); k++) {
            if (ruleBetween(baseline(cells.get(members.get(k - 1))), baseline(cells.get(members.get(k))), columns)) return true;
        }
        return false;
    }

    /**
     * Whether a column holds running text: nearly all its cells in rows are wide ({@link #COLUMN_TEXT_WIDTH} of the
     * frame) and end at the same right edge, as the lines of a justified text column do.
     */
    private boolean hasTextColumn(List<List<Run>> cells, boolean[] candidate, List<Integer> members, List<float[]> columns) {
        float wide = COLUMN_TEXT_WIDTH * (frame[1] - frame[0]);
        for (float[] column : columns) {
            List<Run> inColumn = new ArrayList<>();
            for (int m : members) {
                if (!candidate[m]) continue;
                for (Run cell : cells.get(m)) if (column(cell, columns) == columns.indexOf(column)) inColumn.add(cell);
            }
            if (inColumn.size() < 2) continue;
            float right = inColumn.stream().map(c -> c.box().x1()).max(Float::compare).orElseThrow();
            long textLines = inColumn.stream().filter(c -> c.box().width() >= wide && c.box().x1() >= right - TEXT_EDGE * bodySize).count();
            if (textLines >= 0.8 * inColumn.size()) return true;
        }
        return false;
    }

    /** Whether a rule across the columns lies between two lines. */
    private boolean ruleBetween(float above, float below, List<float[]> columns) {
        float left = columns.stream().map(c -> c[0]).min(Float::compare).orElseThrow();
        float right = columns.stream().map(c -> c[1]).max(Float::compare).orElseThrow();
        return rules.stream().anyMatch(r -> r.centerY() > above && r.centerY() < below - Glyph.ASCENT * bodySize / 2
                && Math.min(right, r.x1()) - Math.max(left, r.x0()) >= 0.3f * (right - left));
    }

    /** The baseline of a line of cells (never empty for table members). */
    private static float baseline(List<Run> cells) {
        return cells.getFirst().baseline();
    }

    private static int column(Run cell, List<float[]> columns) {
        int best = 0;
        float bestOverlap = -Float.MAX_VALUE;
        for (int c = 0; c < columns.size(); c++) {
            float[] column = columns.get(c);
            float overlap = Math.min(column[1], cell.box().x1()) - Math.max(column[0], cell.box().x0());
            if (overlap > bestOverlap) {
                best = c;
                bestOverlap = overlap;
            }
        }
        return best;
    }

    private static boolean overlaps(Run cell, float[] column) {
        return Math.min(column[1], cell.box().x1()) - Math.max(column[0], cell.box().x0()) > 0;
    }
}
