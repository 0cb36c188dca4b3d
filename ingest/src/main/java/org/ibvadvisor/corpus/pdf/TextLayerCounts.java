package org.ibvadvisor.corpus.pdf;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How much of a document's text layer decodes to characters: glyphs shown, glyphs whose font maps them to no
 * Unicode at all, characters that are no text ({@link GlyphText#isJunk}) and letters, by font. Not thread-safe.
 */
final class TextLayerCounts {
    private long shown;
    private long unmapped;
    private long junk;
    private long wordChars;
    private final Map<String, Long> badByFont = new TreeMap<>();

    void shown() {
        shown++;
    }

    void unmapped(String font) {
        unmapped++;
        badByFont.merge(font, 1L, Long::sum);
    }

    void decoded(String unicode, String font) {
        if (unicode == null) return;
        unicode.codePoints().forEach(cp -> {
            if (GlyphText.isJunk(cp)) {
                junk++;
                badByFont.merge(font, 1L, Long::sum);
            } else if (GlyphText.isWordChar(cp)) {
                wordChars++;
            }
        });
    }

    long shownGlyphs() {
        return shown;
    }

    /** Glyphs or characters that are no text: unmapped glyphs plus junk characters. */
    long bad() {
        return unmapped + junk;
    }

    long unmappedGlyphs() {
        return unmapped;
    }

    long junkChars() {
        return junk;
    }

    long wordChars() {
        return wordChars;
    }

    /** Fonts with the most undecodable glyphs first. */
    Map<String, Long> badByFont() {
        Map<String, Long> sorted = new LinkedHashMap<>();
        badByFont.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
