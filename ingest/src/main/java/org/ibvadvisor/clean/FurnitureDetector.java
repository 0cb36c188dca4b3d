package org.ibvadvisor.clean;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Finds the page furniture of a document: page numbers, table of contents, rules and running heads. */
final class FurnitureDetector {
    private static final Pattern PAGE_NUMBER = Pattern.compile("\\s*\\d{1,3}(\\s+\\d{1,3})?\\s*");
    private static final Pattern DOT_LEADER = Pattern.compile(".*\\S.*?(\\.{3,}|…{2,}|·{3,}|．{3,})\\s*\\d{1,4}\\s*");
    private static final Pattern PAGE_REF = Pattern.compile("\\d{1,4}");
    private static final Pattern TOC_TITLE = Pattern.compile("#*\\s*(目\\s*录|contents|table of contents)", Pattern.CASE_INSENSITIVE);
    private static final Pattern RULE = Pattern.compile("\\s*([-*_])(\\s*\\1){2,}\\s*");
    private static final int RUNNING_HEAD_MAX_CHARS = 40;

    private final CleanerOptions options;

    FurnitureDetector(CleanerOptions options) {
        this.options = options;
    }

    LineRole[] roles(List<SourceLine> lines) {
        LineRole[] roles = new LineRole[lines.size()];
        for (int i = 0; i < lines.size(); i++) roles[i] = ownRole(lines, i);
        for (int i = 0; i < lines.size(); i++) {
            if (roles[i] == LineRole.TEXT && isTocTitle(lines, roles, i)) roles[i] = LineRole.TOC_TITLE;
        }
        markRunningHeads(lines, roles);
        return roles;
    }

    private static LineRole ownRole(List<SourceLine> lines, int i) {
        SourceLine line = lines.get(i);
        String text = line.text();
        if (line.isBlank()) return LineRole.BLANK;
        if (PAGE_NUMBER.matcher(text).matches() && endsPage(lines, i)) return LineRole.PAGE_NUMBER;
        if (DOT_LEADER.matcher(text).matches() || isTabbedTocEntry(text)) return LineRole.TOC_ENTRY;
        if (RULE.matcher(text).matches()) return LineRole.RULE;
        return LineRole.TEXT;
    }

    /** A number line ends a page when nothing continues it: "20\n个国家" is a figure, "7\n\n" a page number. */
    private static boolean endsPage(List<SourceLine> lines, int i) {
        if (i + 1 >= lines.size()) return true;
        SourceLine next = lines.get(i + 1);
        return next.isBlank() || next.startsWithWhitespace();
    }

    /** "第 1 章\t人才与技能\t9", "引言\t\t": a title, then only page numbers or nothing in the other columns. */
    private static boolean isTabbedTocEntry(String text) {
        if (text.indexOf('\t') < 0) return false;
        String[] fields = text.split("\t", -1);
        if (fields[0].isBlank()) return false;
        String last = null;
        for (int f = 1; f < fields.length; f++) {
            if (!fields[f].isBlank()) last = fields[f].strip();
        }
        return last == null || PAGE_REF.matcher(last).matches();
    }

    private static boolean isTocTitle(List<SourceLine> lines, LineRole[] roles, int i) {
        if (!TOC_TITLE.matcher(lines.get(i).trimmed()).matches()) return false;
        int next = i + 1;
        while (next < lines.size() && roles[next] == LineRole.BLANK) next++;
        return next < lines.size() && roles[next] == LineRole.TOC_ENTRY;
    }

    /**
     * A running head repeats verbatim on many pages. Repetition alone is not enough here: reports repeat their own
     * section labels ("需要了解的事项") dozens of times. So a repeated line only counts as a running head when
     * most of its occurrences sit next to a page number, i.e. at a page break.
     */
    private void markRunningHeads(List<SourceLine> lines, LineRole[] roles) {
        Map<String, List<Integer>> occurrences = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String key = lines.get(i).trimmed();
            if (roles[i] == LineRole.TEXT && key.length() <= RUNNING_HEAD_MAX_CHARS) {
                occurrences.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> at : occurrences.values()) {
            if (at.size() < options.runningHeadMinRepeats()) continue;
            long atPageBreak = at.stream().filter(i -> nextToPageNumber(roles, i)).count();
            if (atPageBreak * 2 >= at.size()) at.forEach(i -> roles[i] = LineRole.RUNNING_HEAD);
        }
    }

    private static boolean nextToPageNumber(LineRole[] roles, int i) {
        int before = i - 1;
        while (before >= 0 && roles[before] == LineRole.BLANK) before--;
        int after = i + 1;
        while (after < roles.length && roles[after] == LineRole.BLANK) after++;
        return (before >= 0 && roles[before] == LineRole.PAGE_NUMBER)
                || (after < roles.length && roles[after] == LineRole.PAGE_NUMBER);
    }
}
