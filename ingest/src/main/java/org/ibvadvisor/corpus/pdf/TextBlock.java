package org.ibvadvisor.corpus.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines set one under the other in one font size, left-aligned or centred together: a paragraph or a few, a
 * heading, a margin note, the text of a callout box, a footnote.
 *
 * @param paragraphs its paragraphs, each a list of lines (one run each), top down
 * @param box        where it sits
 * @param size       its font size
 * @param boxed      whether it sits inside a callout box
 * @param lineEnd    where a full line of its column ends: its own right edge, or where the full lines of the longer
 *                   blocks above or below it in its column end (a one-line block at the foot of a column cannot tell
 *                   by itself); a line whose closing punctuation hangs past the measure may end after it
 */
record TextBlock(List<List<Run>> paragraphs, Rect box, float size, boolean boxed, float lineEnd) implements PageItem {
    TextBlock {
        paragraphs = paragraphs.stream().map(List::copyOf).toList();
        if (paragraphs.isEmpty() || paragraphs.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("a text block needs lines");
        }
    }

    TextBlock(List<List<Run>> paragraphs, Rect box, float size, boolean boxed) {
        this(paragraphs, box, size, boxed, box.x1());
    }

    /** The same block, its full lines known to end at {@code x}. */
    TextBlock withLineEnd(float x) {
        return new TextBlock(paragraphs, box, size, boxed, x);
    }

    List<Run> lines() {
        List<Run> lines = new ArrayList<>();
        paragraphs.forEach(lines::addAll);
        return lines;
    }

    Run firstLine() {
        return paragraphs.getFirst().getFirst();
    }

    Run lastLine() {
        return paragraphs.getLast().getLast();
    }
}
