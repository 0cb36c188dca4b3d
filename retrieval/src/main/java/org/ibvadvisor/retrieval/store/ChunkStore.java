package org.ibvadvisor.retrieval.store;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ibvadvisor.chunk.Chunk;
import org.ibvadvisor.corpus.ReportMetadata;
import org.ibvadvisor.index.ChunkHit;
import org.ibvadvisor.index.IndexInfo;
import org.ibvadvisor.index.LexicalField;

/**
 * The indexed reports and chunks as retrieval reads them: searches by words and by meaning that return chunk ids,
 * chunks and report texts by id. Chunks are named by id ({@code <reportId>#<ordinal>}), never by a position inside
 * the store.
 * <p>
 * Implementations are thread-safe. Every call reads one state of the store throughout; a store may move to a newer
 * state on {@link #refresh()}, never between the two halves of one call. For every search: {@code k} (or
 * {@code sentences}) is at least 1; a {@code null} or empty {@code reports} searches every report; hits come best
 * first, each chunk at most once.
 */
public interface ChunkStore extends AutoCloseable {
    /** Settings, report hashes and chunk count of the state this store reads. */
    IndexInfo info();

    /**
     * Best chunks by BM25 over one lexical field; the query is analysed like the field and its distinct terms OR-ed
     * (any text is accepted, no query syntax; text without terms finds nothing).
     */
    List<ChunkHit> searchText(LexicalField field, String query, int k, Set<String> reports);

    /** Chunks nearest to a unit query vector of the store's model (approximate); scores are cosines. */
    List<ChunkHit> searchVector(float[] vector, int k, Set<String> reports);

    /**
     * Chunks by their sentence nearest to a unit query vector: the {@code sentences} nearest sentences are found and
     * each chunk scores its best sentence's cosine; at most that many chunks come back.
     */
    List<ChunkHit> searchSentences(float[] vector, int sentences, Set<String> reports);

    /** The chunk with this id, if stored. */
    Optional<Chunk> chunk(String chunkId);

    /** All chunks of a report in ordinal order; empty for a report not stored. */
    List<Chunk> chunksOf(String reportId);

    /** Metadata of every stored report, in corpus order. */
    List<ReportMetadata> reports();

    /** The full source text of a report, into which chunk spans index; empty for a report not stored. */
    Optional<String> reportText(String reportId);

    /**
     * Moves to the newest state of the store (reports ingested or removed since), so that later calls see it; calls
     * in flight finish on the state they began on.
     *
     * @return whether there was a newer state
     */
    boolean refresh();

    /** Releases the store; no call may follow. */
    @Override
    void close();
}
