package org.ibvadvisor.chunk;

import java.util.List;
import org.ibvadvisor.clean.CleanDocument;

/**
 * Cuts one cleaned report into chunks. Implementations are stateless and thread-safe.
 * Chunks never cross a report, come back in source order with ordinals 0, 1, 2, ...,
 * and {@code document.source().substring(chunk.start(), chunk.end())} equals {@code chunk.text()}.
 */
public interface Chunker {
    List<Chunk> chunk(String reportId, CleanDocument document);
}
