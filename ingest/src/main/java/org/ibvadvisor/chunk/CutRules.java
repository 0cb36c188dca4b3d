package org.ibvadvisor.chunk;

import org.ibvadvisor.text.CjkChars;

/** Where text may be cut: never inside a number with its unit ("1,110", "2.5", "40%", "2023 年") nor inside a Latin word. */
final class CutRules {
    /** Chars that follow a number as its unit. */
    private static final String NUMBER_UNITS = "%％个名位家项年月日号倍种次亿万千百元美岁人章部节页条";

    private CutRules() {
    }

    /** Whether the text may be cut between {@code text[p - 1]} and {@code text[p]}. */
    static boolean isSafe(CharSequence text, int p) {
        if (p <= 0 || p >= text.length()) return true;
        char before = text.charAt(p - 1);
        char after = text.charAt(p);
        if (isLatinLetterOrDigit(before) && isLatinLetterOrDigit(after)) return false;
        if (isDigit(before) && (isDigit(after) || ".,%％".indexOf(after) >= 0 || isUnit(after))) return false;
        if (".,".indexOf(before) >= 0 && isDigit(after) && p >= 2 && isDigit(text.charAt(p - 2))) return false;
        if (before == ' ' && p >= 2 && isDigit(text.charAt(p - 2)) && (isUnit(after) || isDigit(after))) return false;
        return !(after == ' ' && isDigit(before) && p + 1 < text.length() && isUnit(text.charAt(p + 1)));
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isUnit(char c) {
        return NUMBER_UNITS.indexOf(c) >= 0;
    }

    private static boolean isLatinLetterOrDigit(char c) {
        return Character.isLetterOrDigit(c) && !CjkChars.isHan(c) && c < '\u2E80';
    }
}
