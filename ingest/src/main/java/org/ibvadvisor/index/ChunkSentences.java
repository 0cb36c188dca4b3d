package org.ibvadvisor.index;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.ibvadvisor.chunk.Chunk;

/**
 * The sentences of a chunk whose vectors the index keeps beside the chunk's own: its clean text cut after
 * 。！？；!?; and at line breaks, each piece stripped, blank pieces dropped. The writer expects one vector per
 * sentence, in this order.
 */
public final class ChunkSentences {
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[。！？；!?;])|\\n+");

    private ChunkSentences() {
    }

    public static List<String> of(Chunk chunk) {
        List<String> sentences = new ArrayList<>();
        for (String piece : SENTENCE_END.split(chunk.cleanText())) {
            if (!piece.isBlank()) sentences.add(piece.strip());
        }
        return sentences;
    }
}
