package org.ibvadvisor.corpus.pdf;

/** Which characters are CJK: ideographs, kana, hangul and CJK and full-width punctuation. No space goes between two. */
final class CjkChars {
    private CjkChars() {
    }

    static boolean isCjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || isCjkPunctuation(cp);
    }

    static boolean isCjkPunctuation(int cp) {
        return (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF) || cp == '“' || cp == '”'
                || cp == '‘' || cp == '’' || cp == '—' || cp == '…' || cp == '·';
    }

    /** Joins two pieces of one text (wrapped lines of a table cell): no space between CJK characters, else one. */
    static String join(String before, String after) {
        if (before.isEmpty()) return after;
        if (after.isEmpty()) return before;
        boolean tight = isCjk(before.charAt(before.length() - 1)) && isCjk(after.charAt(0))
                || isCjkPunctuation(before.charAt(before.length() - 1)) || isCjkPunctuation(after.charAt(0));
        return tight ? before + after : before + " " + after;
    }
}
