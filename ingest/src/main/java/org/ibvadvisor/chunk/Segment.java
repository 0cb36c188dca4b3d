package org.ibvadvisor.chunk;

import org.ibvadvisor.clean.Block;

/**
 * A part [from, to) of a block's cleaned text.
 */
record Segment(Block block, int from, int to) {
    Segment {
        if (from < 0 || to > block.text().length() || from >= to) {
            throw new IllegalArgumentException("bad segment [" + from + ", " + to + ") of a block of " + block.text().length() + " chars");
        }
    }

    static Segment whole(Block block) {
        return new Segment(block, 0, block.text().length());
    }

    int length() {
        return to - from;
    }

    String text() {
        return block.text().substring(from, to);
    }

    boolean startsBlock() {
        return from == 0;
    }

    boolean endsBlock() {
        return to == block.text().length();
    }

    /** Whether {@code next} continues this segment in the same block. */
    boolean continuedBy(Segment next) {
        return next.block == block && next.from >= to;
    }
}
