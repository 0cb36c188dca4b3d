package org.ibvadvisor.testing.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * A report's text as the maker prints it: paragraphs (split at blank lines), each a run of text lines or of table
 * rows (lines with tabs), every character with its offset in the text. Characters the font cannot print are left
 * out; every kind of space is one space.
 */
final class PrintedChars {
    /** One printed character and where it is in the report text (-1 for text the maker adds). */
    record Ch(int cp, int offset) {
        boolean isSpace() {
            return cp == ' ';
        }
    }

    /** A run of lines of one kind: text lines, or table rows (each row a list of cells). */
    record Group(List<List<Ch>> lines, boolean table) {
        /** The cells of each row of a table group. */
        List<List<List<Ch>>> rows() {
            List<List<List<Ch>>> rows = new ArrayList<>();
            for (List<Ch> line : lines) {
                List<List<Ch>> cells = new ArrayList<>();
                List<Ch> cell = new ArrayList<>();
                for (Ch ch : line) {
                    if (ch.cp() == '\t') {
                        cells.add(trim(cell));
                        cell = new ArrayList<>();
                    } else {
                        cell.add(ch);
                    }
                }
                cells.add(trim(cell));
                rows.add(cells);
            }
            return rows;
        }
    }

    private PrintedChars() {
    }

    /** The groups of the text: paragraphs cut at blank lines, then at changes between text lines and table rows. */
    static List<Group> groups(String text, IntPredicate printable) {
        List<Group> groups = new ArrayList<>();
        List<List<Ch>> current = new ArrayList<>();
        boolean currentTable = false;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) end = text.length();
            List<Ch> line = line(text, start, end, printable);
            boolean blank = line.stream().allMatch(ch -> ch.isSpace() || ch.cp() == '\t');
            boolean table = !blank && line.stream().anyMatch(ch -> ch.cp() == '\t');
            if (blank || (!current.isEmpty() && table != currentTable)) {
                if (!current.isEmpty()) groups.add(new Group(List.copyOf(current), currentTable));
                current.clear();
            }
            if (!blank) {
                current.add(table ? line : trim(line));
                currentTable = table;
            }
            start = end + 1;
        }
        if (!current.isEmpty()) groups.add(new Group(List.copyOf(current), currentTable));
        return groups;
    }

    /** Characters of the maker's own text (offset -1). */
    static List<Ch> added(String text) {
        return text.codePoints().mapToObj(cp -> new Ch(Character.isWhitespace(cp) ? ' ' : cp, -1)).toList();
    }

    private static List<Ch> line(String text, int start, int end, IntPredicate printable) {
        List<Ch> chars = new ArrayList<>();
        for (int i = start; i < end; ) {
            int cp = text.codePointAt(i);
            if (cp == '\t') chars.add(new Ch('\t', i));
            else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) chars.add(new Ch(' ', i));
            else if (!Character.isISOControl(cp) && printable.test(cp)) chars.add(new Ch(cp, i));
            i += Character.charCount(cp);
        }
        return chars;
    }

    private static List<Ch> trim(List<Ch> chars) {
        int from = 0;
        int to = chars.size();
        while (from < to && chars.get(from).isSpace()) from++;
        while (to > from && chars.get(to - 1).isSpace()) to--;
        List<Ch> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            // runs of spaces print as one
            if (chars.get(i).isSpace() && !out.isEmpty() && out.getLast().isSpace()) continue;
            out.add(chars.get(i));
        }
        return out;
    }
}
