package org.ibvadvisor.corpus.pdf;

import java.text.Normalizer;

/**
 * The text of a glyph as the source text should hold it. A PDF's ToUnicode map often gives presentation forms that
 * the rest of the product would not match against a question: ligatures (ﬁ → fi), Kangxi radicals and CJK
 * compatibility ideographs standing for ordinary ideographs (⽣ → 生, as Word and InDesign exports of Chinese often
 * give), and full-width Latin letters and digits (ＡＩ → AI). These are folded here (NFKC for those blocks only:
 * full-width CJK punctuation such as "，" stays, the cleaner relies on it). Format characters (soft hyphen,
 * zero-width spaces, BOM) are dropped, every space is one ASCII space, and characters that are no text
 * ({@link #isJunk}) are dropped (and counted by the caller).
 */
final class GlyphText {
    private GlyphText() {
    }

    /** The normalised text of a glyph's Unicode; empty when nothing of it is kept. */
    static String normalize(String unicode) {
        if (unicode == null || unicode.isEmpty()) return "";
        StringBuilder out = new StringBuilder(unicode.length());
        for (int i = 0; i < unicode.length(); ) {
            int cp = unicode.codePointAt(i);
            i += Character.charCount(cp);
            if (isFolded(cp)) {
                out.append(Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFKC));
            } else if (cp >= 0xFF01 && cp <= 0xFF5E && Character.isLetterOrDigit(cp)) {
                out.append((char) (cp - 0xFEE0));
            } else if (isSpace(cp)) {
                out.append(' ');
            } else if (!isFormat(cp) && !isJunk(cp)) {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /**
     * Characters that are no text: private-use code points (what a font without a Unicode map often yields), control
     * characters (what a simple font's raw codes give), the replacement character and unassigned code points.
     */
    static boolean isJunk(int cp) {
        if (isSpace(cp)) return false;
        int type = Character.getType(cp);
        return type == Character.PRIVATE_USE || type == Character.CONTROL || type == Character.UNASSIGNED
                || type == Character.SURROGATE || cp == 0xFFFD;
    }

    /** Letters and digits of any script: what text in a language is mostly made of. */
    static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp);
    }

    private static boolean isFolded(int cp) {
        return (cp >= 0xFB00 && cp <= 0xFB06)      // Latin ligatures
                || (cp >= 0x2E80 && cp <= 0x2FDF)  // CJK radicals supplement, Kangxi radicals
                || (cp >= 0xF900 && cp <= 0xFAFF)  // CJK compatibility ideographs
                || (cp >= 0x2F800 && cp <= 0x2FA1F);
    }

    private static boolean isSpace(int cp) {
        return cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x202F || Character.isSpaceChar(cp);
    }

    private static boolean isFormat(int cp) {
        return cp == 0xAD || cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF;
    }
}
