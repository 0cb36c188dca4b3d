package org.ibvadvisor.retrieval.signal;

import java.util.ArrayList;
import java.util.List;
import org.ibvadvisor.text.CjkChars;

/**
 * Splits text into the terms of {@link SentenceSignal}: overlapping pairs of Chinese characters, lower-cased Latin
 * words, and numbers (with a trailing % kept as its own term too, so "38%" matches "38 %"). Width variants and
 * whitespace never matter.
 */
final class Terms {
    private Terms() {
    }

    static List<String> of(CharSequence text) {
        List<String> terms = new ArrayList<>();
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = fold(text.charAt(i));
            if (CjkChars.isHan(c)) {
                int j = i + 1;
                while (j < length && CjkChars.isHan(fold(text.charAt(j)))) j++;
                if (j - i == 1) terms.add(String.valueOf(c));
                for (int p = i; p + 1 < j; p++) terms.add(new String(new char[] {text.charAt(p), text.charAt(p + 1)}));
                i = j;
            } else if (Character.isLetterOrDigit(c)) {
                StringBuilder word = new StringBuilder();
                int j = i;
                while (j < length) {
                    char d = fold(text.charAt(j));
                    if (!Character.isLetterOrDigit(d) || CjkChars.isHan(d)) break;
                    word.append(Character.toLowerCase(d));
                    j++;
                }
                terms.add(word.toString());
                if (j < length && (fold(text.charAt(j)) == '%')) terms.add(word + "%");
                i = j;
            } else {
                i++;
            }
        }
        return terms;
    }

    /** Full-width ASCII to half-width. */
    private static char fold(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') return (char) (c - 0xFEE0);
        return c;
    }


}
