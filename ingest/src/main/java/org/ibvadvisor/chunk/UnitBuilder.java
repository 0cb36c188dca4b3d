package org.ibvadvisor.chunk;

import java.util.ArrayList;
import java.util.List;
import org.ibvadvisor.clean.Block;

/**
 * Turns sections into units. A paragraph that fits stays whole; a longer one is cut at sentence ends into pieces
 * of about the target size, a tiny last piece going back to the one before. A section's headings ride on its
 * first unit, unless they are too long for it or a table of contents lies between them.
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
            if (!prefix.isEmpty() && (section.paragraphs().isEmpty() || Unit.sizeOf(prefix) > options.maxChars() / 2
                    || ChunkPacker.furnitureBetween(prefix.getLast().block().sourceEnd(),
                            section.paragraphs().getFirst().sourceStart(), source))) {
                units.add(new Unit(section.index(), section.trail(), prefix));
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

    /** The paragraph whole if it fits after the prefix, else cut at sentence ends. */
    private List<Segment> pieces(Block paragraph, int prefixSize) {
        String text = paragraph.text();
        if (prefixSize + text.length() <= options.maxChars()) return List.of(Segment.whole(paragraph));
        List<SentenceSplitter.Span> sentences = SentenceSplitter.sentences(text, options.maxChars() - prefixSize);
        List<int[]> pieces = new ArrayList<>();
        int[] current = null;
        for (SentenceSplitter.Span sentence : sentences) {
            int budget = options.targetChars() - (pieces.isEmpty() ? prefixSize : 0);
            if (current != null && sentence.end() - current[0] <= budget) {
                current[1] = sentence.end();
            } else {
                if (current != null) pieces.add(current);
                current = new int[] {sentence.start(), sentence.end()};
            }
        }
        pieces.add(current);
        if (pieces.size() > 1) {
            int[] last = pieces.getLast();
            int[] before = pieces.get(pieces.size() - 2);
            int room = options.maxChars() - (pieces.size() == 2 ? prefixSize : 0);
            if (last[1] - last[0] < options.minChars() && last[1] - before[0] <= room) {
                before[1] = last[1];
                pieces.removeLast();
            }
        }
        return pieces.stream().map(p -> new Segment(paragraph, p[0], p[1])).toList();
    }
}
