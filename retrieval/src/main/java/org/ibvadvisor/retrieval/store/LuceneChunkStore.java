package org.ibvadvisor.retrieval.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.store.Directory;
import org.ibvadvisor.chunk.Chunk;
import org.ibvadvisor.corpus.ReportMetadata;
import org.ibvadvisor.index.ChunkHit;
import org.ibvadvisor.index.ChunkIndex;
import org.ibvadvisor.index.IndexInfo;
import org.ibvadvisor.index.IndexSettings;
import org.ibvadvisor.index.LexicalField;

/**
 * The {@link ChunkStore} over the Lucene index that {@code ChunkIndexWriter} writes; {@link #refresh()} opens the
 * newest commit in the same directory.
 */
public final class LuceneChunkStore implements ChunkStore {
    private final ChunkIndex index;

    /** Over an open index, which the store closes when closed. */
    public LuceneChunkStore(ChunkIndex index) {
        this.index = Objects.requireNonNull(index, "index");
    }

    /** See {@link ChunkIndex#open(Path, IndexSettings)}. */
    public static LuceneChunkStore open(Path folder, IndexSettings expected) {
        return new LuceneChunkStore(ChunkIndex.open(folder, expected));
    }

    /** Over a directory the caller owns and closes after the store. */
    public static LuceneChunkStore open(Directory directory, IndexSettings expected) {
        return new LuceneChunkStore(ChunkIndex.open(directory, expected));
    }

    @Override
    public IndexInfo info() {
        return index.info();
    }

    @Override
    public List<ChunkHit> searchText(LexicalField field, String query, int k, Set<String> reports) {
        return index.searchTextIds(field, query, k, reports);
    }

    @Override
    public List<ChunkHit> searchVector(float[] vector, int k, Set<String> reports) {
        return index.searchVectorIds(vector, k, reports);
    }

    @Override
    public List<ChunkHit> searchSentences(float[] vector, int sentences, Set<String> reports) {
        return index.searchSentenceIds(vector, sentences, reports);
    }

    @Override
    public Optional<Chunk> chunk(String chunkId) {
        return index.chunk(chunkId);
    }

    @Override
    public List<Chunk> chunksOf(String reportId) {
        return index.chunksOf(reportId);
    }

    @Override
    public List<ReportMetadata> reports() {
        return index.reports();
    }

    @Override
    public Optional<String> reportText(String reportId) {
        return index.reportText(reportId);
    }

    @Override
    public boolean refresh() {
        return index.refresh();
    }

    @Override
    public void close() {
        index.close();
    }
}
