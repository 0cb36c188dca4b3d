package org.ibvadvisor.clean;

/** Character classes the cleaner needs: CJK text and punctuation, sentence ends, number units. */
final class Chars {
    private Chars() {
    }

    /** Fullwidth punctuation that carries its own spacing: no space is kept or inserted next to it. */
    static final String CJK_PUNCTUATION = "，。、；：！？“”‘’（）《》〈〉「」『』【】〔〕—…·";

    /** Punctuation that ends a sentence (CJK and Latin). */
    static final String SENTENCE_END = "。！？；!?;";

    /** Punctuation that a heading does not end with. */
    static final String NON_TITLE_END = "。！？；：，、…!?;:,.";

    /** Chars that follow a number as its unit, as in "5 个", "2023 年", "40%". */
    static final String NUMBER_UNITS = "%％个名位家项年月日号倍种次亿万千百元美岁人章部节页条";

    static boolean isIdeograph(char c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    static boolean isCjkPunctuation(char c) {
        return CJK_PUNCTUATION.indexOf(c) >= 0 || (c >= '\uFF01' && c <= '\uFF0F') || (c >= '\uFF1A' && c <= '\uFF20');
    }

    /** An ideograph or a fullwidth punctuation mark. */
    static boolean isCjk(char c) {
        return isIdeograph(c) || isCjkPunctuation(c);
    }

    static boolean isSuperscriptDigit(char c) {
        return c == '\u00B9' || c == '\u00B2' || c == '\u00B3' || (c >= '\u2070' && c <= '\u2079' && c != '\u2071');
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isNumberUnit(char c) {
        return NUMBER_UNITS.indexOf(c) >= 0;
    }
}
