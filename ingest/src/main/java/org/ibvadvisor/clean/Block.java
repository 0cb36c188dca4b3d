package org.ibvadvisor.clean;

import java.util.Objects;

/**
 * A heading or a paragraph of a cleaned document.
 *
 * @param kind          heading or paragraph
 * @param level         heading depth (1 = top); 0 for paragraphs
 * @param text          the cleaned text: wrapped lines joined, page furniture removed, footnote marks kept apart from numbers
 * @param sourceOffsets for each char {@code i} of {@code text}, the index in the source of the char it came from
 *                      (an inserted char, such as a space joining two Latin words, maps to the source char before it)
 */
public record Block(BlockKind kind, int level, String text, int[] sourceOffsets) {
    public Block {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sourceOffsets, "sourceOffsets");
        if (sourceOffsets.length != text.length()) {
            throw new IllegalArgumentException("sourceOffsets has " + sourceOffsets.length + " entries for " + text.length() + " chars");
        }
    }

    /** Source index of the first char of this block. */
    public int sourceStart() {
        return sourceOffsets.length == 0 ? 0 : sourceOffsets[0];
    }

    /** Source index just past the last char of this block. */
    public int sourceEnd() {
        return sourceOffsets.length == 0 ? 0 : sourceOffsets[sourceOffsets.length - 1] + 1;
    }
}
