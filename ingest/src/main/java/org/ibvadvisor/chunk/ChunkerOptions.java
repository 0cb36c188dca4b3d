package org.ibvadvisor.chunk;

/**
 * Sizes for {@link StructureChunker}, in chars of cleaned text (headings included).
 *
 * @param targetChars a chunk is filled with paragraphs and sentences up to about this size
 * @param maxChars    no chunk is ever longer than this
 * @param minChars    a chunk or a piece shorter than this is tiny: it is merged with a neighbour, even across a
 *                    section boundary, when the result stays within {@code maxChars}
 */
public record ChunkerOptions(int targetChars, int maxChars, int minChars) {
    public ChunkerOptions {
        if (minChars < 1) throw new IllegalArgumentException("minChars must be positive: " + minChars);
        if (targetChars < minChars) {
            throw new IllegalArgumentException("targetChars " + targetChars + " is below minChars " + minChars);
        }
        if (maxChars < targetChars) {
            throw new IllegalArgumentException("maxChars " + maxChars + " is below targetChars " + targetChars);
        }
    }

    /** About a paragraph or two of a report: target 350, max 600, tiny below 100. */
    public static ChunkerOptions defaults() {
        return new ChunkerOptions(350, 600, 100);
    }
}
