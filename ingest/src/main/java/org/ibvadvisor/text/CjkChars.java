package org.ibvadvisor.text;

/** Which characters are CJK: Han, the ideographs (Han, kana, hangul), CJK punctuation and the full-width forms. */
public final class CjkChars {
    /** Punctuation that carries its own spacing: no space is kept or inserted next to it. */
    private static final String PUNCTUATION = "，。、；：！？“”‘’（）《》〈〉「」『』【】〔〕—…·";

    private CjkChars() {
    }

    public static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    /** Han, hiragana, katakana or hangul. */
    public static boolean isIdeograph(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    /** Full-width punctuation (not full-width letters or digits), which carries its own spacing. */
    public static boolean isPunctuation(int cp) {
        return PUNCTUATION.indexOf(cp) >= 0 || (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20);
    }

    /** An ideograph, CJK punctuation, or a character of the CJK symbols or the full-width forms blocks. */
    public static boolean isCjk(int cp) {
        return isIdeograph(cp) || isPunctuation(cp) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
    }
}
