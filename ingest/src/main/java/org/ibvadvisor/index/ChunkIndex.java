package org.ibvadvisor.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
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
 * Read access to one commit of the index: searches by words, by chunk vector and by sentence vector (full chunks or
 * ids only), chunks and reports by id.
 * Opened once and shared: thread-safe, and it keeps seeing the commit it was opened on (reopen to see a
 * newer one). Close it to release the files.
 */
public final class ChunkIndex implements AutoCloseable {
    private static final Query CHUNKS = new TermQuery(new Term(ChunkDocuments.KIND, ChunkDocuments.KIND_CHUNK));
    private static final Query REPORTS = new TermQuery(new Term(ChunkDocuments.KIND, ChunkDocuments.KIND_REPORT));
    private static final Query SENTENCES = new TermQuery(new Term(ChunkDocuments.KIND, ChunkDocuments.KIND_SENTENCE));

    private final Directory directory;
    private final boolean ownsDirectory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final IndexInfo info;
    /** Chunk id of each chunk and sentence document (null for reports), so searches need not read stored fields. */
    private final String[] chunkIdByDoc;

    private ChunkIndex(String location, Directory directory, boolean ownsDirectory, IndexSettings expected) {
        this.directory = directory;
        this.ownsDirectory = ownsDirectory;
        DirectoryReader opened = null;
        try {
            opened = DirectoryReader.open(directory);
            CommitData commit = CommitData.fromUserData(opened.getIndexCommit().getUserData());
            IndexMismatchException.check(location, commit == null ? null : commit.settings(), Objects.requireNonNull(expected, "expected"));
            this.reader = opened;
            this.searcher = new IndexSearcher(reader);
            this.info = new IndexInfo(commit.settings(), commit.reportHashes(), searcher.count(CHUNKS));
            this.chunkIdByDoc = chunkIds(searcher);
        } catch (IOException | RuntimeException e) {
            closeAfterFailure(opened, e);
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

    /** Settings, report hashes and chunk count of the commit this index was opened on. */
    public IndexInfo info() {
        return info;
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
        return search == null ? List.of() : scored(search(search, k), score -> score);
    }

    /**
     * Like {@link #searchText} but only the ids of the chunks found: no stored field is read, so it is the cheaper
     * search when the caller holds the chunks already (e.g. in memory).
     */
    public List<ChunkHit> searchTextIds(LexicalField field, String query, int k, Set<String> reportFilter) {
        checkK(k);
        Query search = textQuery(field, query, reportFilter);
        return search == null ? List.of() : hits(search(search, k), score -> score);
    }

    /** Like {@link #searchVector} but only the ids of the chunks found (no stored field is read). */
    public List<ChunkHit> searchVectorIds(float[] vector, int k, Set<String> reportFilter) {
        checkK(k);
        return hits(search(vectorQuery(ChunkDocuments.VECTOR, vector, k, reportFilter), k), ChunkIndex::cosine);
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
        TopDocs top = search(vectorQuery(ChunkDocuments.SENTENCE_VECTOR, vector, sentences, reportFilter), sentences);
        Map<String, ChunkHit> best = new LinkedHashMap<>();
        for (ScoreDoc hit : top.scoreDocs) best.putIfAbsent(chunkIdByDoc[hit.doc], new ChunkHit(chunkIdByDoc[hit.doc], cosine(hit.score)));
        return List.copyOf(best.values());
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
        return scored(search(vectorQuery(ChunkDocuments.VECTOR, vector, k, reportFilter), k), ChunkIndex::cosine);
    }

    /** The chunk with this id ({@code <reportId>#<ordinal>}), if indexed. */
    public Optional<Chunk> chunk(String chunkId) {
        ScoreDoc[] hits = search(new TermQuery(new Term(ChunkDocuments.ID, chunkId)), 1).scoreDocs;
        return hits.length == 0 ? Optional.empty() : Optional.of(ChunkDocuments.toChunk(document(hits[0].doc)));
    }

    /** All chunks of a report in ordinal order; empty if the report is not indexed. */
    public List<Chunk> chunksOf(String reportId) {
        Query query = new BooleanQuery.Builder()
                .add(CHUNKS, Occur.FILTER)
                .add(new TermQuery(new Term(ChunkDocuments.REPORT_ID, reportId)), Occur.FILTER)
                .build();
        try {
            int count = searcher.count(query);
            if (count == 0) return List.of();
            Sort byOrdinal = new Sort(IntField.newSortField(ChunkDocuments.ORDINAL, false, SortedNumericSelector.Type.MIN));
            List<Chunk> chunks = new ArrayList<>(count);
            for (ScoreDoc hit : searcher.search(query, count, byOrdinal).scoreDocs) {
                chunks.add(ChunkDocuments.toChunk(document(hit.doc)));
            }
            return chunks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Metadata of every indexed report, in corpus order (by source file name). */
    public List<ReportMetadata> reports() {
        List<Document> docs = new ArrayList<>();
        for (ScoreDoc hit : search(REPORTS, Math.max(1, info.reportHashes().size())).scoreDocs) docs.add(document(hit.doc));
        docs.sort(Comparator.comparing(ChunkDocuments::sourceName).thenComparing(doc -> doc.get(ChunkDocuments.REPORT_ID)));
        return docs.stream().map(ChunkDocuments::toMetadata).toList();
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
            reader.close();
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
        ScoreDoc[] hits = search(query, 1).scoreDocs;
        return hits.length == 0 ? Optional.empty() : Optional.of(document(hits[0].doc));
    }

    /** Distinct terms of {@code text} as the field's analyser makes them, in order of first appearance. */
    public static List<String> terms(LexicalField field, String text) {
        Analyzer analyzer = Analyzers.of(field);
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(field.fieldName, text == null ? "" : text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) terms.add(term.toString());
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(terms);
    }

    /** The OR of the text's distinct terms, within the reports; null when the text has no terms. */
    private static Query textQuery(LexicalField field, String query, Set<String> reportFilter) {
        List<String> terms = terms(field, query);
        if (terms.isEmpty()) return null;
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        for (String term : terms.subList(0, Math.min(terms.size(), IndexSearcher.getMaxClauseCount() - 1))) {
            words.add(new TermQuery(new Term(field.fieldName, term)), Occur.SHOULD);
        }
        Query filter = reportFilter(reportFilter);
        return filter == null ? words.build()
                : new BooleanQuery.Builder().add(words.build(), Occur.MUST).add(filter, Occur.FILTER).build();
    }

    private Query vectorQuery(String field, float[] vector, int k, Set<String> reportFilter) {
        if (vector.length != info.settings().dimensions()) {
            throw new IllegalArgumentException("query vector has " + vector.length + " dimensions, the index "
                    + info.settings().dimensions());
        }
        return new KnnFloatVectorQuery(field, vector, k, reportFilter(reportFilter));
    }

    /** DOT_PRODUCT scores are (1 + cosine) / 2 for unit vectors. */
    private static float cosine(float score) {
        return 2 * score - 1;
    }

    private static String[] chunkIds(IndexSearcher searcher) throws IOException {
        String[] ids = new String[searcher.getIndexReader().maxDoc()];
        StoredFields stored = searcher.storedFields();
        for (String field : List.of(ChunkDocuments.ID, ChunkDocuments.SENTENCE_OF)) {
            Query kind = field.equals(ChunkDocuments.ID) ? CHUNKS : SENTENCES;
            int count = searcher.count(kind);
            if (count == 0) continue;
            Set<String> only = Set.of(field);
            for (ScoreDoc hit : searcher.search(kind, count).scoreDocs) ids[hit.doc] = stored.document(hit.doc, only).get(field);
        }
        return ids;
    }

    private List<ChunkHit> hits(TopDocs top, ScoreMapping mapping) {
        List<ChunkHit> hits = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc hit : top.scoreDocs) hits.add(new ChunkHit(chunkIdByDoc[hit.doc], mapping.apply(hit.score)));
        return hits;
    }

    private static Query reportFilter(Set<String> reportIds) {
        if (reportIds == null || reportIds.isEmpty()) return null;
        return new TermInSetQuery(ChunkDocuments.REPORT_ID, reportIds.stream().map(BytesRef::new).toList());
    }

    private TopDocs search(Query query, int k) {
        try {
            return searcher.search(query, k);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<ScoredChunk> scored(TopDocs top, ScoreMapping mapping) {
        List<ScoredChunk> results = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc hit : top.scoreDocs) {
            results.add(new ScoredChunk(ChunkDocuments.toChunk(document(hit.doc)), mapping.apply(hit.score)));
        }
        return results;
    }

    private Document document(int docId) {
        try {
            return searcher.storedFields().document(docId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeAfterFailure(DirectoryReader opened, Exception failure) {
        try {
            if (opened != null) opened.close();
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
}
