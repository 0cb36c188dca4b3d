package org.ibvadvisor.index;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * A searcher over one commit, with what {@link ChunkIndex} reads of that commit once: its info, and the chunk id of
 * each chunk and sentence document, so that ids-only searches need not read stored fields.
 */
final class CommitSearcher extends IndexSearcher {
    static final Query CHUNKS = new TermQuery(new Term(ChunkDocuments.KIND, ChunkDocuments.KIND_CHUNK));
    private static final Query SENTENCES = new TermQuery(new Term(ChunkDocuments.KIND, ChunkDocuments.KIND_SENTENCE));

    private final IndexInfo info;
    /** Indexed by docid; null for report documents. */
    private final String[] chunkIdByDoc;

    private CommitSearcher(DirectoryReader reader, IndexSettings settings, CommitData commit) throws IOException {
        super(reader);
        this.info = new IndexInfo(settings, commit.reportHashes(), count(CHUNKS));
        this.chunkIdByDoc = chunkIds();
    }

    /**
     * @param location names the index in the mismatch message
     * @throws IndexMismatchException when the commit was built with other settings than {@code expected}
     */
    static CommitSearcher of(String location, DirectoryReader reader, IndexSettings expected) throws IOException {
        CommitData commit = CommitData.fromUserData(reader.getIndexCommit().getUserData());
        IndexMismatchException.check(location, commit == null ? null : commit.settings(), expected);
        return new CommitSearcher(reader, commit.settings(), commit);
    }

    IndexInfo info() {
        return info;
    }

    String chunkId(int docId) {
        return chunkIdByDoc[docId];
    }

    private String[] chunkIds() throws IOException {
        String[] ids = new String[getIndexReader().maxDoc()];
        StoredFields stored = storedFields();
        for (String field : List.of(ChunkDocuments.ID, ChunkDocuments.SENTENCE_OF)) {
            Query kind = field.equals(ChunkDocuments.ID) ? CHUNKS : SENTENCES;
            int count = count(kind);
            if (count == 0) continue;
            Set<String> only = Set.of(field);
            for (ScoreDoc hit : search(kind, count).scoreDocs) ids[hit.doc] = stored.document(hit.doc, only).get(field);
        }
        return ids;
    }
}
