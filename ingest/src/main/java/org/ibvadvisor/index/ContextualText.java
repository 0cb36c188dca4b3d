package org.ibvadvisor.index;

import org.ibvadvisor.chunk.Chunk;

/**
 * What is analysed and embedded for a chunk: its section trail as a header line, then its cleaned text.
 * Displayed and cited is always the source text ({@link Chunk#text()}), never this.
 */
public final class ContextualText {
    private ContextualText() {
    }

    /** {@code "第一部分 > 第 1 章 人才与技能\n<cleanText>"}, or just the clean text before the first heading. */
    public static String of(Chunk chunk) {
        return chunk.section().isEmpty() ? chunk.cleanText() : chunk.sectionPath() + "\n" + chunk.cleanText();
    }
}
