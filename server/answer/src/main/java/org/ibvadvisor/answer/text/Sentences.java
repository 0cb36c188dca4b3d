package org.ibvadvisor.answer.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into sentences whose spans are exact in the text, so that a sentence of a passage can be cited by
 * its span in the report source.
 *
 * <p>A sentence ends at 。！？!? (with the closing quotes or brackets after it), at a full stop followed by
 * whitespace or a citation mark (not inside a number), and at a blank line. In report sources a single line break is the layout's
 * wrapping, not a boundary ({@link #ofSource}); in an answer it is a line of its own ({@link #ofAnswer}). A
 * footnote number glued to the end of a sentence ({@code 体验。1 我们}) stays with that sentence.
 */
public final class Sentences {

    private static final String TERMINATORS = "。！？!?";
    private static final String CLOSERS = "”’」』）)】\"'》";

    private Sentences() {
    }

    /** Sentences of report source text, where single line breaks are wrapping. */
    public static List<Sentence> ofSource(String text) {
        return split(text, false);
    }

    /** Sentences of answer text, where every line break ends a sentence (list items, paragraphs). */
    public static List<Sentence> ofAnswer(String text) {
        return split(text, true);
    }

    private static List<Sentence> split(String text, boolean lineBreaks) {
        List<Sentence> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (TERMINATORS.indexOf(c) >= 0 || isFullStop(text, i)) {
                int end = i + 1;
                while (end < n && (TERMINATORS.indexOf(text.charAt(end)) >= 0 || CLOSERS.indexOf(text.charAt(end)) >= 0)) {
                    end++;
                }
                end = afterFootnote(text, end);
                add(out, text, start, end);
                start = end;
                i = end;
            } else if (c == '\n' && (lineBreaks || blankLineAt(text, i))) {
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

    /** A '.' that ends a sentence: followed by whitespace or the end, and not a decimal point or an initial. */
    private static boolean isFullStop(String text, int i) {
        if (text.charAt(i) != '.') {
            return false;
        }
        if (i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1)) && text.charAt(i + 1) != '[') {
            return false;
        }
        // "U.S. " or "e.g. ": a single letter before the dot is an abbreviation
        return !(i >= 1 && Character.isLetter(text.charAt(i - 1)) && (i < 2 || !Character.isLetter(text.charAt(i - 2)))
                && text.charAt(i - 1) < 0x80);
    }

    /** A one- or two-digit footnote number right after a sentence's end, followed by whitespace or the end. */
    private static int afterFootnote(String text, int end) {
        int j = end;
        while (j < text.length() && j - end < 2 && Character.isDigit(text.charAt(j))) {
            j++;
        }
        if (j > end && (j == text.length() || Character.isWhitespace(text.charAt(j)))) {
            return j;
        }
        return end;
    }

    /** Whether the line break at {@code i} is followed by another one with only whitespace between. */
    private static boolean blankLineAt(String text, int i) {
        for (int j = i + 1; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '\n') {
                return true;
            }
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return false;
    }

    private static void add(List<Sentence> out, String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(new Sentence(start, end));
        }
    }
}
