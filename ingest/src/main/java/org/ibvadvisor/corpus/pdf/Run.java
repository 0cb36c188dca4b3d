package org.ibvadvisor.corpus.pdf;

/**
 * A stretch of one text line without a wide gap: a line of a paragraph, a table cell, a page number.
 *
 * @param text     its characters, spaces between words, superscript digits as ¹²³
 * @param box      where it sits
 * @param baseline its baseline
 * @param size     the font size most of its characters have
 */
record Run(String text, Rect box, float baseline, float size) {
    char firstChar() {
        return text.charAt(0);
    }

    char lastChar() {
        return text.charAt(text.length() - 1);
    }
}
