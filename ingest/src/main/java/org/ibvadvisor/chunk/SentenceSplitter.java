package org.ibvadvisor.chunk;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits cleaned text into sentences: after 。！？； and ! ? ; (with the closing quotes and brackets that follow),
 * never inside a quotation (“…”, 「…」, "…"). A sentence too long for a chunk is cut outside its quotations if
 * possible, at a clause mark (，、：), else at a space, else anywhere {@link CutRules} allows.
 */
final class SentenceSplitter {
    private static final String SENTENCE_END = "。！？；!?;";
    private static final String CLOSERS = "”’」』）)]\"";
    private static final String CLAUSE_END = "，、：,:";

    private SentenceSplitter() {
    }

    /** A span [start, end) of a text. */
    record Span(int start, int end) {
        int length() {
            return end - start;
        }
    }

    /** The sentences of {@code text}, none longer than {@code maxLength}, without surrounding whitespace. */
    static List<Span> sentences(String text, int maxLength) {
        boolean[] quoted = quoted(text);
        List<Span> out = new ArrayList<>();
        for (Span sentence : sentences(text, quoted)) {
            int start = sentence.start();
            while (sentence.end() - start > maxLength) {
                int cut = cut(text, quoted, start, start + maxLength);
                addTrimmed(text, start, cut, out);
                start = cut;
            }
            addTrimmed(text, start, sentence.end(), out);
        }
        return out;
    }

    private static List<Span> sentences(String text, boolean[] quoted) {
        List<Span> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            if (SENTENCE_END.indexOf(text.charAt(i)) >= 0) {
                int end = i + 1;
                while (end < text.length() && CLOSERS.indexOf(text.charAt(end)) >= 0) end++;
                if (end == text.length() || !quoted[end - 1]) {
                    addTrimmed(text, start, end, out);
                    start = end;
                }
                i = end;
            } else {
                i++;
            }
        }
        addTrimmed(text, start, text.length(), out);
        return out;
    }

    /**
     * The best cut in (from, limit]: outside quotations if at all possible, then at a clause end, else after a space,
     * else anywhere {@link CutRules} allows.
     */
    private static int cut(String text, boolean[] quoted, int from, int limit) {
        for (boolean allowQuoted : new boolean[] {false, true}) {
            int floor = from + (limit - from) / 3;
            for (int p = limit; p > floor; p--) {
                if (CLAUSE_END.indexOf(text.charAt(p - 1)) >= 0 && isCandidate(text, quoted, p, allowQuoted)) return p;
            }
            for (int p = limit; p > floor; p--) {
                if (Character.isWhitespace(text.charAt(p - 1)) && isCandidate(text, quoted, p, allowQuoted)) return p;
            }
            for (int p = limit; p > from + 1; p--) {
                if (isCandidate(text, quoted, p, allowQuoted)) return p;
            }
        }
        return limit;
    }

    private static boolean isCandidate(String text, boolean[] quoted, int p, boolean allowQuoted) {
        return (allowQuoted || !quoted[p - 1]) && CutRules.isSafe(text, p);
    }

    /** For each char, whether a quotation is open after it. */
    static boolean[] quoted(String text) {
        boolean[] quoted = new boolean[text.length()];
        int curly = 0;
        int corner = 0;
        boolean straight = false;
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case '“' -> curly++;
                case '”' -> curly = Math.max(0, curly - 1);
                case '「', '『' -> corner++;
                case '」', '』' -> corner = Math.max(0, corner - 1);
                case '"' -> straight = !straight;
                default -> { }
            }
            quoted[i] = curly > 0 || corner > 0 || straight;
        }
        return quoted;
    }

    private static void addTrimmed(String text, int start, int end, List<Span> out) {
        while (start < end && Character.isWhitespace(text.charAt(start))) start++;
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) end--;
        if (start < end) out.add(new Span(start, end));
    }
}
