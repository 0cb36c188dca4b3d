package org.ibvadvisor.clean;

/** What a block of a cleaned document is. */
public enum BlockKind {
    /** A section title; {@link Block#level()} gives its depth (1 = top). */
    HEADING,
    /** Running text: one paragraph, with wrapped lines joined. */
    PARAGRAPH
}
