package org.ibvadvisor.answer.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the citation marks of an answer in one form, {@code [1][2]}, keeping only numbers that point to a
 * passage. Models write marks in many ways: {@code [1,2]}, {@code [1, 2]}, {@code [1-3]}, {@code [1][2]},
 * {@code 【1】}, {@code ［1］}, {@code [资料1]}, {@code [^1]}; adjacent marks are merged, repeated numbers kept once, and a
 * mark left with no valid number is removed with the space before it.
 */
final class CitationMarks {

    private static final String LABEL = "(?:资料|来源|文献|段落|passages?|sources?|refs?|\\^)?\\s*";
    private static final Pattern MARK = Pattern.compile(
            "[\\[［【]\\s*" + LABEL + "(\\d{1,3}(?:\\s*(?:[,，、;；]|[-–~～至])\\s*" + LABEL + "\\d{1,3})*)\\s*[\\]］】]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER_OR_RANGE = Pattern.compile("(\\d{1,3})(?:\\s*[-–~～至]\\s*" + LABEL + "(\\d{1,3}))?",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_RANGE = 10;

    /** A mark in the rewritten text: its span and the passage numbers it cites, in order. */
    record Mark(int start, int end, List<Integer> numbers) {}

    /** The rewritten answer, its marks, and the numbers that pointed to no passage. */
    record Marked(String text, List<Mark> marks, Set<Integer> dropped) {}

    private CitationMarks() {
    }

    /** Rewrites the marks of {@code answer} for passages numbered 1..{@code passageCount}. */
    static Marked normalise(String answer, int passageCount) {
        StringBuilder out = new StringBuilder(answer.length());
        List<Mark> marks = new ArrayList<>();
        Set<Integer> dropped = new LinkedHashSet<>();
        Matcher m = MARK.matcher(answer);
        int copied = 0;
        while (m.find(copied)) {
            int clusterStart = m.start();
            Set<Integer> numbers = new LinkedHashSet<>();
            int clusterEnd;
            do {
                numbers.addAll(numbers(m.group(1), passageCount, dropped));
                clusterEnd = m.end();
            } while (m.find(clusterEnd) && m.start() == skipSpaces(answer, clusterEnd));
            out.append(answer, copied, clusterStart);
            if (numbers.isEmpty()) {
                boolean endsClause = clusterEnd == answer.length() || !Character.isLetterOrDigit(answer.charAt(clusterEnd));
                while (endsClause && !out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
                    out.setLength(out.length() - 1);
                }
            } else {
                int start = out.length();
                numbers.forEach(n -> out.append('[').append(n).append(']'));
                marks.add(new Mark(start, out.length(), List.copyOf(numbers)));
            }
            copied = clusterEnd;
        }
        out.append(answer, copied, answer.length());
        return new Marked(out.toString(), marks, dropped);
    }

    private static List<Integer> numbers(String inside, int passageCount, Set<Integer> dropped) {
        List<Integer> numbers = new ArrayList<>();
        Matcher m = NUMBER_OR_RANGE.matcher(inside);
        while (m.find()) {
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
            if (to < from || to - from > MAX_RANGE) {
                to = from;
            }
            for (int n = from; n <= to; n++) {
                if (n >= 1 && n <= passageCount) {
                    numbers.add(n);
                } else {
                    dropped.add(n);
                }
            }
        }
        return numbers;
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
