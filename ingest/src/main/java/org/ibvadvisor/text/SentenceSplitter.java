package org.ibvadvisor.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into sentences by their exact spans, trimmed of surrounding whitespace, blank ones dropped. A sentence
 * ends after one of {@code ends} and the {@code closers} (quotes, brackets) right after it, and at line breaks as
 * {@code lineBreaks} says. Each stage splits its own kind of text, so each has its splitter below.
 *
 * @param ends            marks that end a sentence
 * @param closers         marks after an end that stay with its sentence
 * @param quotationsWhole never end a sentence inside a quotation (“…”, 「…」, "…")
 * @param printMarks      as reports print them: a run of end marks stays together, a '.' followed by whitespace, '['
 *                        or the end is an end (not a decimal point or an initial), and a one- or two-digit footnote
 *                        number glued after the end ({@code 体验。1 我们}) stays with its sentence
 * @param lineBreaks      which line breaks end a sentence
 */
public record SentenceSplitter(String ends, String closers, boolean quotationsWhole, boolean printMarks,
                               LineBreaks lineBreaks) {
    /** Which line breaks end a sentence. */
    public enum LineBreaks { NONE, BLANK_LINE, EVERY }

    /** Cleaned text, cut into chunks: at 。！？； and ! ? ; with their closers, never inside a quotation. */
    public static final SentenceSplitter CLEAN_TEXT =
            new SentenceSplitter("。！？；!?;", "”’」』）)]\"", true, false, LineBreaks.NONE);
    /** A chunk's sentences that the index keeps vectors of: right after 。！？；!?; and at every line break. */
    public static final SentenceSplitter CHUNK_LINES =
            new SentenceSplitter("。！？；!?;", "", false, false, LineBreaks.EVERY);
    /** Report source text, cited by span: single line breaks are the layout's wrapping, blank lines end sentences. */
    public static final SentenceSplitter REPORT_SOURCE =
            new SentenceSplitter("。！？!?", "”’」』）)】\"'》", false, true, LineBreaks.BLANK_LINE);
    /** Answer text: like report source, but every line is its own (list items, paragraphs). */
    public static final SentenceSplitter ANSWER =
            new SentenceSplitter("。！？!?", "”’」』）)】\"'》", false, true, LineBreaks.EVERY);

    public List<Sentence> split(String text) {
        boolean[] quoted = quotationsWhole ? quoted(text) : null;
        List<Sentence> out = new ArrayList<>();
        int n = text.length();
        int start = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (ends.indexOf(c) >= 0 || (printMarks && isFullStop(text, i))) {
                int end = i + 1;
                while (end < n && (closers.indexOf(text.charAt(end)) >= 0 || (printMarks && ends.indexOf(text.charAt(end)) >= 0))) end++;
                if (printMarks) end = afterFootnote(text, end);
                if (quoted == null || end == n || !quoted[end - 1]) {
                    add(out, text, start, end);
                    start = end;
                }
                i = end;
            } else if (c == '\n' && (lineBreaks == LineBreaks.EVERY || (lineBreaks == LineBreaks.BLANK_LINE && blankLineAt(text, i)))) {
                add(out, text, start, i);
                start = i + 1;
                i++;
            } else {
                i++;
            }
        }
        add(out, text, start, n);
        return out;
    }

    /** The sentences' texts. */
    public List<String> texts(String text) {
        return split(text).stream().map(sentence -> sentence.in(text)).toList();
    }

    /** For each char, whether a quotation (“…”, 「…」, 『…』, "…") is open after it. */
    public static boolean[] quoted(String text) {
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

    /** A '.' that ends a sentence: followed by whitespace, '[' or the end, and not a decimal point or an initial. */
    private static boolean isFullStop(String text, int i) {
        if (text.charAt(i) != '.') return false;
        if (i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1)) && text.charAt(i + 1) != '[') return false;
        // "U.S. " or "e.g. ": a single letter before the dot is an abbreviation
        return !(i >= 1 && Character.isLetter(text.charAt(i - 1)) && (i < 2 || !Character.isLetter(text.charAt(i - 2)))
                && text.charAt(i - 1) < 0x80);
    }

    /** After a one- or two-digit footnote number right after a sentence's end and followed by whitespace or the end. */
    private static int afterFootnote(String text, int end) {
        int j = end;
        while (j < text.length() && j - end < 2 && Character.isDigit(text.charAt(j))) j++;
        return j > end && (j == text.length() || Character.isWhitespace(text.charAt(j))) ? j : end;
    }

    /** Whether the line break at {@code i} is followed by another one with only whitespace between. */
    private static boolean blankLineAt(String text, int i) {
        for (int j = i + 1; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '\n') return true;
            if (!Character.isWhitespace(c)) return false;
        }
        return false;
    }

    private static void add(List<Sentence> out, String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) start++;
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) end--;
        if (end > start) out.add(new Sentence(start, end));
    }
}
