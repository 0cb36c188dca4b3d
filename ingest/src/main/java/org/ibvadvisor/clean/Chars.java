package org.ibvadvisor.clean;

/** Character classes the cleaner needs besides {@link org.ibvadvisor.text.CjkChars}: sentence ends, number units. */
final class Chars {
    private Chars() {
    }

    /** Punctuation that ends a sentence (CJK and Latin). */
    static final String SENTENCE_END = "。！？；!?;";

    /** Punctuation that a heading does not end with. */
    static final String NON_TITLE_END = "。！？；：，、…!?;:,.";

    /** Chars that follow a number as its unit, as in "5 个", "2023 年", "40%". */
    static final String NUMBER_UNITS = "%％个名位家项年月日号倍种次亿万千百元美岁人章部节页条";

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
