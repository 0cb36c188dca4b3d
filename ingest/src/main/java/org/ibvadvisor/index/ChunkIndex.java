package org.ibvadvisor.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.ibvadvisor.chunk.Chunk;
import org.ibvadvisor.corpus.PageMap;
import org.ibvadvisor.corpus.ReportMetadata;

/**
 * Read access to the index: searches by words, by chunk vector and by sentence vector (full chunks or ids only),
 * chunks and reports by id.
 * Opened once and shared: thread-safe. It sees the commit it was opened on until {@link #refresh()} moves it to
 * the newest one; each call reads one commit throughout, and calls in flight during a refresh finish on the commit
 * they began on. Close it to release the files.
 */
public final class ChunkIndex implements AutoCloseable {
    private static final Query CHUNKS = CommitSearcher.CHUNKS;
    private static final Query REPORTS = new TermQuery(new Term(ChunkDocuments.KIND, ChunkDocuments.KIND_REPORT));

    private final String location;
    private final Directory directory;
    private final boolean ownsDirectory;
    private final SearcherManager searchers;

    private ChunkIndex(String location, Directory directory, boolean ownsDirectory, IndexSettings expected) {
        this.location = location;
        this.directory = directory;
        this.ownsDirectory = ownsDirectory;
        Objects.requireNonNull(expected, "expected");
        try {
            this.searchers = new SearcherManager(directory, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
                    return CommitSearcher.of(location, (DirectoryReader) reader, expected);
                }
            });
        } catch (IOException | RuntimeException e) {
            closeDirectoryAfterFailure(e);
            if (e instanceof IndexNotFoundException) {
                throw new IndexException("no index at " + location + "; create it with ./advisor ingest", e);
            }
            if (e instanceof RuntimeException runtime) throw runtime;
            throw new IndexException("cannot open the index at " + location + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens the last commit of the index in {@code folder}.
     *
     * @param expected the settings this run uses (embedding model, dimensions, schema, analyser)
     * @throws IndexMismatchException when the index was built with other settings
     * @throws IndexException         when there is no index or it cannot be read
     */
    public static ChunkIndex open(Path folder, IndexSettings expected) {
        if (!Files.isDirectory(folder)) {
            throw new IndexException("no index at " + folder + "; create it with ./advisor ingest");
        }
        try {
            return new ChunkIndex(folder.toString(), FSDirectory.open(folder), true, expected);
        } catch (IOException e) {
            throw new IndexException("cannot open the index at " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Like {@link #open(Path, IndexSettings)} on a directory the caller owns and closes. */
    public static ChunkIndex open(Directory directory, IndexSettings expected) {
        return new ChunkIndex(directory.toString(), directory, false, expected);
    }

    /** Whether {@code folder} holds a committed index (of any settings). */
    public static boolean exists(Path folder) {
        if (!Files.isDirectory(folder)) return false;
        try (Directory directory = FSDirectory.open(folder)) {
            return DirectoryReader.indexExists(directory);
        } catch (IOException e) {
            throw new IndexException("cannot read the index folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Settings, report hashes and chunk count of the commit this index reads. */
    public IndexInfo info() {
        return read(CommitSearcher::info);
    }

    /**
     * Moves to the newest commit in the directory (one that {@link ChunkIndexWriter} made after this index opened),
     * so that later calls see it; calls in flight finish on the commit they began on.
     *
     * @return whether a newer commit was found
     * @throws IndexMismatchException when the newest commit was built with other settings (this index keeps the
     *                                old one)
     */
    public boolean refresh() {
        try {
            IndexSearcher before = searchers.acquire();
            try {
                searchers.maybeRefreshBlocking();
                return read(after -> after != before);
            } finally {
                searchers.release(before);
            }
        } catch (IOException e) {
            throw new IndexException("cannot refresh the index at " + location + ": " + e.getMessage(), e);
        }
    }

    /**
     * Best chunks by BM25 over one lexical field. The query is analysed like the field and its distinct terms
     * are OR-ed, so any user text is accepted (no query syntax); text without terms finds nothing.
     *
     * @param k            most chunks to return, at least 1
     * @param reportFilter report ids to search in; {@code null} or empty searches every report
     * @return best first
     */
    public List<ScoredChunk> searchText(LexicalField field, String query, int k, Set<String> reportFilter) {
        checkK(k);
        Query search = textQuery(field, query, reportFilter);
        return search == null ? List.of() : read(s -> scored(s, search(s, search, k), score -> score));
    }

    /**
     * Like {@link #searchText} but only the ids of the chunks found: no stored field is read, so it is the cheaper
     * search when the caller holds the chunks already (e.g. in memory).
     */
    public List<ChunkHit> searchTextIds(LexicalField field, String query, int k, Set<String> reportFilter) {
        checkK(k);
        Query search = textQuery(field, query, reportFilter);
        return search == null ? List.of() : read(s -> hits(s, search(s, search, k), score -> score));
    }

    /** Like {@link #searchVector} but only the ids of the chunks found (no stored field is read). */
    public List<ChunkHit> searchVectorIds(float[] vector, int k, Set<String> reportFilter) {
        checkK(k);
        return read(s -> hits(s, search(s, vectorQuery(s, ChunkDocuments.VECTOR, vector, k, reportFilter), k), ChunkIndex::cosine));
    }

    /**
     * Chunks whose nearest sentences ({@link ChunkSentences}) are nearest to a unit query vector (approximate, HNSW):
     * the {@code sentences} nearest sentences are found, and each chunk scores its best sentence's cosine. Ids only.
     *
     * @param sentences nearest sentences to look at; at most that many chunks come back
     * @return best first, each chunk once; empty for an index without sentence vectors
     */
    public List<ChunkHit> searchSentenceIds(float[] vector, int sentences, Set<String> reportFilter) {
        checkK(sentences);
        return read(s -> {
            TopDocs top = search(s, vectorQuery(s, ChunkDocuments.SENTENCE_VECTOR, vector, sentences, reportFilter), sentences);
            Map<String, ChunkHit> best = new LinkedHashMap<>();
            for (ScoreDoc hit : top.scoreDocs) best.putIfAbsent(s.chunkId(hit.doc), new ChunkHit(s.chunkId(hit.doc), cosine(hit.score)));
            return List.copyOf(best.values());
        });
    }

    /**
     * Nearest chunks to a unit query vector (approximate, HNSW).
     *
     * @param vector       unit vector of the index's model and dimensions
     * @param reportFilter report ids to search in; {@code null} or empty searches every report
     * @return best first; scores are cosine similarities
     */
    public List<ScoredChunk> searchVector(float[] vector, int k, Set<String> reportFilter) {
        checkK(k);
        return read(s -> scored(s, search(s, vectorQuery(s, ChunkDocuments.VECTOR, vector, k, reportFilter), k), ChunkIndex::cosine));
    }

    /** The chunk with this id ({@code <reportId>#<ordinal>}), if indexed. */
    public Optional<Chunk> chunk(String chunkId) {
        return read(s -> {
            ScoreDoc[] hits = search(s, new TermQuery(new Term(ChunkDocuments.ID, chunkId)), 1).scoreDocs;
            return hits.length == 0 ? Optional.empty() : Optional.of(ChunkDocuments.toChunk(document(s, hits[0].doc)));
        });
    }

    /** All chunks of a report in ordinal order; empty if the report is not indexed. */
    public List<Chunk> chunksOf(String reportId) {
        Query query = new BooleanQuery.Builder()
                .add(CHUNKS, Occur.FILTER)
                .add(new TermQuery(new Term(ChunkDocuments.REPORT_ID, reportId)), Occur.FILTER)
                .build();
        return read(searcher -> {
            int count = searcher.count(query);
            if (count == 0) return List.of();
            Sort byOrdinal = new Sort(IntField.newSortField(ChunkDocuments.ORDINAL, false, SortedNumericSelector.Type.MIN));
            List<Chunk> chunks = new ArrayList<>(count);
            for (ScoreDoc hit : searcher.search(query, count, byOrdinal).scoreDocs) {
                chunks.add(ChunkDocuments.toChunk(document(searcher, hit.doc)));
            }
            return chunks;
        });
    }

    /** Metadata of every indexed report, in corpus order (by source file name). */
    public List<ReportMetadata> reports() {
        return read(s -> {
            List<Document> docs = new ArrayList<>();
            for (ScoreDoc hit : search(s, REPORTS, Math.max(1, s.info().reportHashes().size())).scoreDocs) docs.add(document(s, hit.doc));
            docs.sort(Comparator.comparing(ChunkDocuments::sourceName).thenComparing(doc -> doc.get(ChunkDocuments.REPORT_ID)));
            return docs.stream().map(ChunkDocuments::toMetadata).toList();
        });
    }

    /** Metadata of one report, if indexed. */
    public Optional<ReportMetadata> report(String reportId) {
        return reportDocument(reportId).map(ChunkDocuments::toMetadata);
    }

    /** The full source text of a report, into which chunk spans index; empty if the report is not indexed. */
    public Optional<String> reportText(String reportId) {
        return reportDocument(reportId).map(ChunkDocuments::sourceText);
    }

    /**
     * The page of every char of a report's source text, for reports read from PDFs; empty for a text report, a report
     * not indexed, or any report of an index written before page maps were kept.
     */
    public Optional<PageMap> pageMap(String reportId) {
        return reportDocument(reportId).map(ChunkDocuments::pageMap);
    }

    @Override
    public void close() {
        try {
            searchers.close();
            if (ownsDirectory) directory.close();
        } catch (IOException e) {
            throw new IndexException("cannot close the index: " + e.getMessage(), e);
        }
    }

    private Optional<Document> reportDocument(String reportId) {
        Query query = new BooleanQuery.Builder()
                .add(REPORTS, Occur.FILTER)
                .add(new TermQuery(new Term(ChunkDocuments.REPORT_ID, reportId)), Occur.FILTER)
                .build();
        return read(s -> {
            ScoreDoc[] hits = search(s, query, 1).scoreDocs;
            return hits.length == 0 ? Optional.empty() : Optional.of(document(s, hits[0].doc));
        });
    }

    /** The OR of the text's distinct terms, within the reports; null when the text has no terms. */
    private static Query textQuery(LexicalField field, String query, Set<String> reportFilter) {
        List<String> terms = field.terms(query);
        if (terms.isEmpty()) return null;
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        for (String term : terms.subList(0, Math.min(terms.size(), IndexSearcher.getMaxClauseCount() - 1))) {
            words.add(new TermQuery(new Term(field.fieldName, term)), Occur.SHOULD);
        }
        Query filter = reportFilter(reportFilter);
        return filter == null ? words.build()
                : new BooleanQuery.Builder().add(words.build(), Occur.MUST).add(filter, Occur.FILTER).build();
    }

    private static Query vectorQuery(CommitSearcher searcher, String field, float[] vector, int k, Set<String> reportFilter) {
        int dimensions = searcher.info().settings().dimensions();
        if (vector.length != dimensions) {
            throw new IllegalArgumentException("query vector has " + vector.length + " dimensions, the index " + dimensions);
        }
        return new KnnFloatVectorQuery(field, vector, k, reportFilter(reportFilter));
    }

    /** DOT_PRODUCT scores are (1 + cosine) / 2 for unit vectors. */
    private static float cosine(float score) {
        return 2 * score - 1;
    }

    private static List<ChunkHit> hits(CommitSearcher searcher, TopDocs top, ScoreMapping mapping) {
        List<ChunkHit> hits = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc hit : top.scoreDocs) hits.add(new ChunkHit(searcher.chunkId(hit.doc), mapping.apply(hit.score)));
        return hits;
    }

    private static Query reportFilter(Set<String> reportIds) {
        if (reportIds == null || reportIds.isEmpty()) return null;
        return new TermInSetQuery(ChunkDocuments.REPORT_ID, reportIds.stream().map(BytesRef::new).toList());
    }

    /** Runs {@code read} on the current commit's searcher, acquired for the call and released after it. */
    private <T> T read(Read<T> read) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return read.on((CommitSearcher) searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TopDocs search(IndexSearcher searcher, Query query, int k) throws IOException {
        return searcher.search(query, k);
    }

    private static List<ScoredChunk> scored(IndexSearcher searcher, TopDocs top, ScoreMapping mapping) throws IOException {
        List<ScoredChunk> results = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc hit : top.scoreDocs) {
            results.add(new ScoredChunk(ChunkDocuments.toChunk(document(searcher, hit.doc)), mapping.apply(hit.score)));
        }
        return results;
    }

    private static Document document(IndexSearcher searcher, int docId) throws IOException {
        return searcher.storedFields().document(docId);
    }

    private void closeDirectoryAfterFailure(Exception failure) {
        try {
            if (ownsDirectory) directory.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private static void checkK(int k) {
        if (k < 1) throw new IllegalArgumentException("k must be at least 1: " + k);
    }

    private interface ScoreMapping {
        float apply(float score);
    }

    private interface Read<T> {
        T on(CommitSearcher searcher) throws IOException;
    }
}
