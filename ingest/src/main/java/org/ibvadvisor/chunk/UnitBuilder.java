package org.ibvadvisor.chunk;

import java.util.ArrayList;
import java.util.List;
import org.ibvadvisor.clean.Block;
import org.ibvadvisor.text.Sentence;

/**
 * Turns sections into units. A paragraph that fits stays whole; a longer one is cut at sentence ends into pieces
 * of about the target size, a tiny last piece going back to the one before. A section's headings ride on its
 * first unit, unless they leave no room for its first sentence or a table of contents lies between them.
 */
final class UnitBuilder {
    private final ChunkerOptions options;

    UnitBuilder(ChunkerOptions options) {
        this.options = options;
    }

    List<Unit> units(List<Section> sections, String source) {
        List<Unit> units = new ArrayList<>();
        for (Section section : sections) {
            List<Segment> prefix = new ArrayList<>(section.headings().stream().map(Segment::whole).toList());
            if (!prefix.isEmpty() && !headingsRide(prefix, section, source)) {
                units.addAll(headingUnits(section, prefix));
                prefix.clear();
            }
            for (Block paragraph : section.paragraphs()) {
                int prefixSize = prefix.isEmpty() ? 0 : Unit.sizeOf(prefix) + 1;
                for (Segment piece : pieces(paragraph, prefixSize)) {
                    List<Segment> segments = new ArrayList<>(prefix);
                    segments.add(piece);
                    units.add(new Unit(section.index(), section.trail(), segments));
                    prefix.clear();
                    prefixSize = 0;
                }
            }
        }
        return units;
    }

    /**
     * Whether a section's headings can ride on its first paragraph: there is one, no table of contents lies between,
     * and the headings leave room for the paragraph's first sentence.
     */
    private boolean headingsRide(List<Segment> headings, Section section, String source) {
        if (section.paragraphs().isEmpty()) return false;
        Block first = section.paragraphs().getFirst();
        if (ChunkPacker.furnitureBetween(headings.getLast().block().sourceEnd(), first.sourceStart(), source)) return false;
        int firstSentence = BoundedSentences.of(first.text(), Integer.MAX_VALUE).getFirst().length();
        return Unit.sizeOf(headings) <= options.maxChars() / 2 && Unit.sizeOf(headings) + 1 + firstSentence <= options.maxChars();
    }

    /** Headings that stand on their own, grouped up to the maximum; a heading longer than that is cut like a paragraph. */
    private List<Unit> headingUnits(Section section, List<Segment> headings) {
        List<Unit> units = new ArrayList<>();
        List<Segment> group = new ArrayList<>();
        for (Segment heading : headings) {
            for (Segment piece : pieces(heading.block(), 0)) {
                if (!group.isEmpty() && Unit.sizeOf(group) + 1 + piece.length() > options.maxChars()) {
                    units.add(new Unit(section.index(), section.trail(), group));
                    group = new ArrayList<>();
                }
                group.add(piece);
            }
        }
        units.add(new Unit(section.index(), section.trail(), group));
        return units;
    }

    /** The block whole if it fits after the prefix, else cut at sentence ends. */
    private List<Segment> pieces(Block block, int prefixSize) {
        String text = block.text();
        if (prefixSize + text.length() <= options.maxChars()) return List.of(Segment.whole(block));
        List<int[]> pieces = packSentences(BoundedSentences.of(text, options.maxChars() - prefixSize), prefixSize);
        mergeTinyLast(pieces, prefixSize);
        return pieces.stream().map(p -> new Segment(block, p[0], p[1])).toList();
    }

    /** Sentences packed greedily into pieces [start, end) of up to the target size (the first one after the prefix). */
    private List<int[]> packSentences(List<Sentence> sentences, int prefixSize) {
        List<int[]> pieces = new ArrayList<>();
        int[] current = null;
        for (Sentence sentence : sentences) {
            int budget = options.targetChars() - (pieces.isEmpty() ? prefixSize : 0);
            if (current != null && sentence.end() - current[0] <= budget) {
                current[1] = sentence.end();
            } else {
                if (current != null) pieces.add(current);
                current = new int[] {sentence.start(), sentence.end()};
            }
        }
        pieces.add(current);
        return pieces;
    }

    private void mergeTinyLast(List<int[]> pieces, int prefixSize) {
        if (pieces.size() < 2) return;
        int[] last = pieces.getLast();
        int[] before = pieces.get(pieces.size() - 2);
        int room = options.maxChars() - (pieces.size() == 2 ? prefixSize : 0);
        if (last[1] - last[0] < options.minChars() && last[1] - before[0] <= room) {
            before[1] = last[1];
            pieces.removeLast();
        }
    }
}
