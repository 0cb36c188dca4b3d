package org.ibvadvisor.clean;

import java.util.List;

/**
 * A report after cleaning: its blocks in source order.
 *
 * @param source the source text the blocks map back to
 * @param blocks headings and paragraphs, in source order, non-overlapping
 */
public record CleanDocument(String source, List<Block> blocks) {
    public CleanDocument {
        blocks = List.copyOf(blocks);
    }
}
