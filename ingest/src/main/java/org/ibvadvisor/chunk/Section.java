package org.ibvadvisor.chunk;

import java.util.ArrayList;
import java.util.List;
import org.ibvadvisor.clean.Block;
import org.ibvadvisor.clean.BlockKind;

/**
 * A run of paragraphs under one heading path, with the headings that open it.
 *
 * @param index      position among the document's sections, from 0
 * @param trail      heading path from the top, e.g. ["第一部分 AI 赋能的人才", "第 1 章 人才与技能"]
 * @param headings   the headings since the previous paragraph, in order (they open this section)
 * @param paragraphs the paragraphs; empty only for headings at the very end of a document
 */
record Section(int index, List<String> trail, List<Block> headings, List<Block> paragraphs) {
    Section {
        trail = List.copyOf(trail);
        headings = List.copyOf(headings);
        paragraphs = List.copyOf(paragraphs);
    }

    /** Cuts a document's blocks into sections: a heading at level L closes every open heading at level L or deeper. */
    static List<Section> of(List<Block> blocks) {
        List<Section> sections = new ArrayList<>();
        List<Block> open = new ArrayList<>();
        List<Block> pendingHeadings = new ArrayList<>();
        List<Block> paragraphs = new ArrayList<>();
        List<String> trail = List.of();
        for (Block block : blocks) {
            if (block.kind() == BlockKind.HEADING) {
                if (!paragraphs.isEmpty()) {
                    sections.add(new Section(sections.size(), trail, pendingHeadings, paragraphs));
                    pendingHeadings.clear();
                    paragraphs.clear();
                }
                open.removeIf(h -> h.level() >= block.level());
                open.add(block);
                pendingHeadings.add(block);
            } else {
                if (paragraphs.isEmpty()) trail = open.stream().map(Block::text).toList();
                paragraphs.add(block);
            }
        }
        if (!paragraphs.isEmpty() || !pendingHeadings.isEmpty()) {
            if (paragraphs.isEmpty()) trail = open.stream().map(Block::text).toList();
            sections.add(new Section(sections.size(), trail, pendingHeadings, paragraphs));
        }
        return sections;
    }
}
