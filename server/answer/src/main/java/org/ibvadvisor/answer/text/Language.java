package org.ibvadvisor.answer.text;

import org.ibvadvisor.text.CjkChars;

/**
 * The language to answer in: Chinese or English, judged from the share of CJK characters in a question.
 *
 * <p>Every Han character counts half a word (Chinese words are one to three characters); every Latin word counts
 * one, except terms that are acronyms or brand-cased ({@code ROI}, {@code GenAI}, {@code CIOs}), which Chinese
 * questions use as freely as English ones. The question is Chinese when its Han share is larger, and when it has
 * neither (e.g. only digits), since the reports are Chinese.
 */
public enum Language {
    ZH,
    EN;

    public static Language of(String text) {
        int han = 0;
        int words = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (CjkChars.isHan(cp)) {
                han++;
                i += Character.charCount(cp);
            } else if (isAsciiLetter(cp)) {
                int end = i;
                while (end < text.length() && isAsciiLetter(text.charAt(end))) {
                    end++;
                }
                if (isPlainWord(text, i, end)) {
                    words++;
                }
                i = end;
            } else {
                i += Character.charCount(cp);
            }
        }
        if (han == 0 && words == 0) {
            return ZH;
        }
        return han / 2.0 > words ? ZH : EN;
    }

    public boolean isChinese() {
        return this == ZH;
    }

    private static boolean isAsciiLetter(int cp) {
        return cp < 0x80 && Character.isLetter(cp);
    }

    /** A word with no capital after its first letter: {@code What}, {@code share}; not {@code ROI}, {@code GenAI}. */
    private static boolean isPlainWord(String text, int start, int end) {
        for (int j = start + 1; j < end; j++) {
            if (Character.isUpperCase(text.charAt(j))) {
                return false;
            }
        }
        return true;
    }
}
