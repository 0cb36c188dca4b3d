package org.ibvadvisor.chunk;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs units into chunks, in order. A unit joins the chunk being filled when it is in the same section and the
 * chunk stays within the target; when the chunk so far is tiny (it may then cross a section boundary); or when the
 * unit itself is a tiny piece of the same section. Either way the chunk never grows past the maximum, and units
 * with more than a line of page furniture between them (a table of contents) never share a chunk, so that a chunk's
 * source text shows no furniture beyond a page number. A tiny last chunk joins the one before it.
 */
final class ChunkPacker {
    /** Non-whitespace source chars allowed between two units of a chunk: markup, footnote marks, a page number. */
    static final int MAX_FURNITURE_INSIDE = 40;

    private final ChunkerOptions options;

    ChunkPacker(ChunkerOptions options) {
        this.options = options;
    }

    List<List<Unit>> pack(List<Unit> units, String source) {
        List<List<Unit>> chunks = new ArrayList<>();
        List<Unit> current = new ArrayList<>();
        int size = 0;
        for (Unit unit : units) {
            if (!current.isEmpty() && joins(current, size, unit) && !furnitureBetween(current.getLast(), unit, source)) {
                size += 1 + unit.size();
                current.add(unit);
                continue;
            }
            if (!current.isEmpty()) chunks.add(current);
            current = new ArrayList<>(List.of(unit));
            size = unit.size();
        }
        if (!current.isEmpty()) {
            if (size < options.minChars() && !chunks.isEmpty() && sizeOf(chunks.getLast()) + 1 + size <= options.maxChars()
                    && !furnitureBetween(chunks.getLast().getLast(), current.getFirst(), source)) {
                chunks.getLast().addAll(current);
            } else {
                chunks.add(current);
            }
        }
        return chunks;
    }

    private boolean joins(List<Unit> current, int size, Unit unit) {
        int joined = size + 1 + unit.size();
        if (joined > options.maxChars()) return false;
        boolean sameSection = current.getLast().section() == unit.section();
        return (sameSection && joined <= options.targetChars())
                || size < options.minChars()
                || (sameSection && unit.size() < options.minChars());
    }

    private static boolean furnitureBetween(Unit before, Unit after, String source) {
        return furnitureBetween(before.sourceEnd(), after.sourceStart(), source);
    }

    /**
     * Whether more than {@link #MAX_FURNITURE_INSIDE} non-whitespace chars lie on the source lines strictly between
     * the line ending at {@code end} (exclusive index of a kept char) and the line holding {@code start}.
     * Markup on the lines of the units themselves (a link target, a footnote mark) does not count.
     */
    static boolean furnitureBetween(int end, int start, String source) {
        int from = source.indexOf('\n', Math.max(0, end - 1));
        int to = source.lastIndexOf('\n', start - 1);
        if (from < 0 || to <= from) return false;
        int nonBlank = 0;
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(source.charAt(i))) nonBlank++;
        }
        return nonBlank > MAX_FURNITURE_INSIDE;
    }

    private static int sizeOf(List<Unit> units) {
        return units.stream().mapToInt(Unit::size).sum() + units.size() - 1;
    }
}
