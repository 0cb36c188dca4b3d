package org.ibvadvisor.chunk;

import java.util.ArrayList;
import java.util.List;
import org.ibvadvisor.clean.Block;

/**
 * Makes a {@link Chunk} from packed units: its cleaned text, its source span and its section trail.
 *
 * <p>The span runs from the chunk's first kept char to its last, widened so that no source char falls between
 * chunks except whitespace and furniture: a chunk that starts a block starts where the block's line does (taking
 * in "# ", "- ", "**"), and a chunk that ends a block ends where the block's line does (taking in a trailing
 * footnote mark or "</sup>"). A chunk that ends inside a block ends just before the next kept char that is not
 * whitespace (where the next chunk starts), whitespace trimmed.
 */
final class ChunkAssembler {
    private ChunkAssembler() {
    }

    static Chunk assemble(String reportId, int ordinal, String source, List<Unit> units) {
        List<Segment> segments = mergeContinuations(units.stream().flatMap(u -> u.segments().stream()).toList());
        StringBuilder clean = new StringBuilder();
        for (Segment segment : segments) {
            if (!clean.isEmpty()) clean.append('\n');
            clean.append(segment.text());
        }
        int start = start(source, segments.getFirst());
        int end = end(source, segments.getLast());
        return new Chunk(null, reportId, commonTrail(units), ordinal, source.substring(start, end), clean.toString(), start, end);
    }

    private static List<Segment> mergeContinuations(List<Segment> segments) {
        List<Segment> merged = new ArrayList<>();
        for (Segment segment : segments) {
            if (!merged.isEmpty() && merged.getLast().continuedBy(segment)) {
                Segment last = merged.removeLast();
                merged.add(new Segment(last.block(), last.from(), segment.to()));
            } else {
                merged.add(segment);
            }
        }
        return merged;
    }

    private static int start(String source, Segment first) {
        int[] offsets = first.block().sourceOffsets();
        int at = offsets[first.from()];
        if (!first.startsBlock()) return at;
        int lineStart = source.lastIndexOf('\n', at - 1) + 1;
        while (lineStart < at && Character.isWhitespace(source.charAt(lineStart))) lineStart++;
        return lineStart;
    }

    private static int end(String source, Segment last) {
        Block block = last.block();
        int[] offsets = block.sourceOffsets();
        int lastChar = offsets[last.to() - 1];
        int end;
        if (last.endsBlock()) {
            end = source.indexOf('\n', lastChar);
            if (end < 0) end = source.length();
        } else {
            String text = block.text();
            int next = last.to();
            while (next < text.length() && Character.isWhitespace(text.charAt(next))) next++;
            end = offsets[next];
        }
        while (end > lastChar + 1 && Character.isWhitespace(source.charAt(end - 1))) end--;
        return Math.max(end, lastChar + 1);
    }

    /** The heading path all units share: a chunk that spans a tiny section boundary keeps only the common part. */
    private static List<String> commonTrail(List<Unit> units) {
        List<String> common = units.getFirst().trail();
        for (Unit unit : units) {
            int n = 0;
            while (n < common.size() && n < unit.trail().size() && common.get(n).equals(unit.trail().get(n))) n++;
            common = common.subList(0, n);
        }
        return common;
    }
}
