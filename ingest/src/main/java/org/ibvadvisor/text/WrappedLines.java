package org.ibvadvisor.text;

/**
 * Joins the lines a layout wrapped as the reports write them: without a space between two ideographs or next to CJK
 * punctuation or after a hyphen or slash, with one elsewhere (Latin words, digits, a CJK char next to a Latin word,
 * as in "生成式 AI"). Emphasis markers ({@code *}) around the letters are looked through.
 */
public final class WrappedLines {

    private WrappedLines() {
    }

    /** Whether a space goes between {@code last}, ending a line, and {@code first}, starting the next one. */
    public static boolean spaceBetween(char last, char first) {
        if (CjkChars.isPunctuation(last) || CjkChars.isPunctuation(first)) return false;
        if (CjkChars.isIdeograph(last) && CjkChars.isIdeograph(first)) return false;
        return last != '-' && last != '/';
    }

    /**
     * {@code text} (as cut from a report's source) as it reads: wrapped lines joined, blank lines as one line break,
     * other runs of white space as one space, none at either end.
     */
    public static String join(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isSpace(text.charAt(i))) {
                out.append(text.charAt(i++));
                continue;
            }
            int end = i;
            int newlines = 0;
            for (; end < n && isSpace(text.charAt(end)); end++) {
                if (text.charAt(end) == '\n') newlines++;
            }
            if (!out.isEmpty() && end < n) {
                if (newlines >= 2) {
                    out.append('\n');
                } else if (newlines == 0 || spaceBetween(lastOtherThanStar(out), firstOtherThanStar(text, end))) {
                    out.append(' ');
                }
            }
            i = end;
        }
        return out.toString();
    }

    /** The last char of {@code text} other than {@code *}; the last one if all are. */
    private static char lastOtherThanStar(CharSequence text) {
        for (int i = text.length() - 1; i > 0; i--) {
            if (text.charAt(i) != '*') return text.charAt(i);
        }
        return text.charAt(0);
    }

    /** The first char of {@code text} from {@code from} on other than {@code *}; the one at {@code from} if none. */
    public static char firstOtherThanStar(CharSequence text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) != '*') return text.charAt(i);
        }
        return text.charAt(from);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u00A0' || c == '\u3000' || c == '\f';
    }
}
