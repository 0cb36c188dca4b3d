package org.ibvadvisor.eval.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A small table of results: printed aligned on the terminal and written as Markdown. */
public final class Table {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... header) {
        if (header.length == 0) throw new IllegalArgumentException("a table needs at least one column");
        this.header = List.of(header);
    }

    /** Adds a row; it must have one cell per column. */
    public Table row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + header.size() + " columns");
        }
        rows.add(java.util.Arrays.stream(cells).map(c -> Objects.toString(c, "")).toList());
        return this;
    }

    public List<List<String>> rows() {
        return List.copyOf(rows);
    }

    /** GitHub Markdown, pipes in cells escaped. */
    public String markdown() {
        StringBuilder out = new StringBuilder();
        line(out, header);
        out.append('|').append(" --- |".repeat(header.size())).append('\n');
        rows.forEach(row -> line(out, row));
        return out.toString();
    }

    /** Columns padded to their widest cell (counting a CJK character as two). */
    public String text() {
        int[] widths = new int[header.size()];
        for (List<String> row : all()) {
            for (int i = 0; i < row.size(); i++) widths[i] = Math.max(widths[i], width(row.get(i)));
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : all()) {
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                out.append(cell).append(" ".repeat(widths[i] - width(cell)));
                out.append(i == row.size() - 1 ? "\n" : "  ");
            }
        }
        return out.toString().lines().map(String::stripTrailing).reduce("", (a, b) -> a + b + "\n");
    }

    private List<List<String>> all() {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append('|');
        cells.forEach(cell -> out.append(' ').append(cell.replace("|", "\\|")).append(" |"));
        out.append('\n');
    }

    private static int width(String text) {
        return text.codePoints().map(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || (c >= 0xFF00 && c <= 0xFFEF) ? 2 : 1).sum();
    }
}
