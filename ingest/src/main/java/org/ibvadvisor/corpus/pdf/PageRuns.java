package org.ibvadvisor.corpus.pdf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A page as lines of runs, in its reading direction (the direction most of its glyphs have; a page of a landscape
 * table printed sideways reads like any other), with the text set in other directions apart.
 *
 * @param number       1-based physical page number
 * @param width        page width in its reading direction
 * @param height       page height in its reading direction
 * @param lines        lines in the reading direction, top down
 * @param rotatedLines lines of text set in another direction (a label running up the margin)
 * @param boxes        painted boxes (empty when the page reads rotated: their positions are not in its frame)
 * @param rules        painted horizontal rules (likewise)
 * @param hasImages    whether the page draws an image
 * @param glyphCount   visible glyphs drawn (spaces left out)
 */
record PageRuns(int number, float width, float height, List<Line> lines, List<Line> rotatedLines, List<Rect> boxes,
                List<Rect> rules, boolean hasImages, int glyphCount) {
    PageRuns {
        lines = List.copyOf(lines);
        rotatedLines = List.copyOf(rotatedLines);
        boxes = List.copyOf(boxes);
        rules = List.copyOf(rules);
    }

    static PageRuns of(RawPage raw) {
        Map<Integer, List<Glyph>> byDirection = new TreeMap<>();
        int visible = 0;
        for (Glyph glyph : raw.glyphs()) {
            byDirection.computeIfAbsent(glyph.dir(), d -> new ArrayList<>()).add(glyph);
            if (!glyph.isSpace()) visible++;
        }
        int reading = byDirection.entrySet().stream().max(Map.Entry.comparingByValue((a, b) -> Integer.compare(a.size(), b.size())))
                .map(Map.Entry::getKey).orElse(0);
        boolean sideways = reading == 90 || reading == 270;
        List<Line> lines = RunBuilder.lines(byDirection.getOrDefault(reading, List.of()));
        List<Line> rotated = new ArrayList<>();
        Map<Integer, List<Glyph>> others = new HashMap<>(byDirection);
        others.remove(reading);
        others.values().forEach(glyphs -> rotated.addAll(RunBuilder.lines(glyphs)));
        return new PageRuns(raw.number(), sideways ? raw.height() : raw.width(), sideways ? raw.width() : raw.height(),
                lines, rotated, reading == 0 ? raw.boxes() : List.of(), reading == 0 ? raw.rules() : List.of(),
                raw.hasImages(), visible);
    }

    static PageRuns empty(int number, float width, float height) {
        return new PageRuns(number, width, height, List.of(), List.of(), List.of(), List.of(), false, 0);
    }

    /** Every run of the page in its reading direction. */
    List<Run> runs() {
        List<Run> runs = new ArrayList<>();
        for (Line line : lines) runs.addAll(line.runs());
        return runs;
    }
}
