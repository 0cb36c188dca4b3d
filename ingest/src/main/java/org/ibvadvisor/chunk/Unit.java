package org.ibvadvisor.chunk;

import java.util.List;

/**
 * The smallest thing the packer moves: a paragraph, a piece of a long one, or headings with the first of these.
 *
 * @param section  index of the section it belongs to
 * @param trail    that section's heading path
 * @param segments its text, in source order; joined by a line break
 */
record Unit(int section, List<String> trail, List<Segment> segments) {
    Unit {
        trail = List.copyOf(trail);
        segments = List.copyOf(segments);
        if (segments.isEmpty()) throw new IllegalArgumentException("a unit needs text");
    }

    /** Source index of the first kept char. */
    int sourceStart() {
        Segment first = segments.getFirst();
        return first.block().sourceOffsets()[first.from()];
    }

    /** Source index just past the last kept char. */
    int sourceEnd() {
        Segment last = segments.getLast();
        return last.block().sourceOffsets()[last.to() - 1] + 1;
    }

    int size() {
        return sizeOf(segments);
    }

    static int sizeOf(List<Segment> segments) {
        return segments.stream().mapToInt(Segment::length).sum() + segments.size() - 1;
    }
}
