package org.ibvadvisor.index;

import java.util.List;
import org.ibvadvisor.chunk.Chunk;
import org.ibvadvisor.text.SentenceSplitter;

/**
 * The sentences of a chunk whose vectors the index keeps beside the chunk's own: its clean text split by
 * {@link SentenceSplitter#CHUNK_LINES}. The writer expects one vector per sentence, in this order.
 */
public final class ChunkSentences {
    private ChunkSentences() {
    }

    public static List<String> of(Chunk chunk) {
        return SentenceSplitter.CHUNK_LINES.texts(chunk.cleanText());
    }
}
