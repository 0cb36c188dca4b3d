package org.ibvadvisor.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.ibvadvisor.chunk.Chunk;
import org.ibvadvisor.corpus.Report;

/**
 * Changes the index one report at a time. Nothing is visible to readers until {@link #commit()}, which makes
 * all changes since the last commit visible at once, together with the report hashes and settings; closing
 * without committing (or the process dying at any moment) leaves the previous commit as it was.
 * One writer per index at a time (Lucene's write lock); not thread-safe.
 */
public final class ChunkIndexWriter implements AutoCloseable {
    static final double DEFAULT_RAM_BUFFER_MB = IndexWriterConfig.DEFAULT_RAM_BUFFER_SIZE_MB;

    private final String location;
    private final Directory directory;
    private final boolean ownsDirectory;
    private final IndexSettings settings;
    private final IndexWriter writer;
    private final Map<String, String> reportHashes;

    ChunkIndexWriter(String location, Directory directory, boolean ownsDirectory, IndexSettings settings, boolean rebuild,
                     double ramBufferMB) {
        this.location = location;
        this.directory = directory;
        this.ownsDirectory = ownsDirectory;
        this.settings = Objects.requireNonNull(settings, "settings");
        try {
            boolean exists = DirectoryReader.indexExists(directory);
            if (exists && !rebuild) {
                CommitData found = CommitData.fromUserData(SegmentInfos.readLatestCommit(directory).getUserData());
                IndexMismatchException.check(location, found == null ? null : found.settings(), settings);
                reportHashes = new TreeMap<>(found.reportHashes());
            } else {
                reportHashes = new TreeMap<>();
            }
            IndexWriterConfig config = new IndexWriterConfig(Analyzers.perField())
                    .setOpenMode(rebuild ? OpenMode.CREATE : OpenMode.CREATE_OR_APPEND)
                    .setCommitOnClose(false)
                    .setRAMBufferSizeMB(ramBufferMB);
            writer = new IndexWriter(directory, config);
        } catch (IOException | RuntimeException e) {
            if (ownsDirectory) closeQuietly(directory, e);
            if (e instanceof RuntimeException runtime) throw runtime;
            if (e instanceof LockObtainFailedException) {
                throw new IndexException("another ingest is writing the index at " + location + "; wait for it to finish", e);
            }
            throw new IndexException("cannot open the index at " + location + " for writing: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Directory directory, Exception failure) {
        try {
            directory.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /** Opens the index in {@code folder} for changes, creating it if there is none. */
    public static ChunkIndexWriter open(Path folder, IndexSettings settings) {
        return new ChunkIndexWriter(folder.toString(), fsDirectory(folder), true, settings, false, DEFAULT_RAM_BUFFER_MB);
    }

    /**
     * Starts a new, empty index in {@code folder}, whatever is there now; the old index stays readable and
     * unchanged until {@link #commit()} replaces it.
     */
    public static ChunkIndexWriter rebuild(Path folder, IndexSettings settings) {
        return new ChunkIndexWriter(folder.toString(), fsDirectory(folder), true, settings, true, DEFAULT_RAM_BUFFER_MB);
    }

    /** Like {@link #open(Path, IndexSettings)} on a directory the caller owns (e.g. an in-memory one for tests). */
    public static ChunkIndexWriter open(Directory directory, IndexSettings settings) {
        return new ChunkIndexWriter(directory.toString(), directory, false, settings, false, DEFAULT_RAM_BUFFER_MB);
    }

    /** Like {@link #rebuild(Path, IndexSettings)} on a directory the caller owns. */
    public static ChunkIndexWriter rebuild(Directory directory, IndexSettings settings) {
        return new ChunkIndexWriter(directory.toString(), directory, false, settings, true, DEFAULT_RAM_BUFFER_MB);
    }

    /** Content hash of every report as of this writer's changes so far, by report id. */
    public Map<String, String> reportHashes() {
        return Map.copyOf(reportHashes);
    }

    /**
     * Adds a report with its chunks, replacing whatever the index held for the same report id.
     *
     * @param chunks  all chunks of the report, ordinals 0, 1, 2, ... in order
     * @param vectors unit vectors of each chunk's {@link ContextualText}, one per chunk, in order
     * @throws IllegalArgumentException when chunks and vectors do not fit the report or the settings
     */
    public void upsertReport(Report report, List<Chunk> chunks, List<float[]> vectors) {
        upsertReport(report, chunks, vectors, null);
    }

    /**
     * Like {@link #upsertReport(Report, List, List)}, with the vectors of every chunk's sentences too.
     *
     * @param sentenceVectors per chunk, in order, one unit vector per sentence of {@link ChunkSentences#of}; {@code null}
     *                        for none (searches by sentence then never find this report)
     */
    public void upsertReport(Report report, List<Chunk> chunks, List<float[]> vectors, List<List<float[]>> sentenceVectors) {
        validate(report, chunks, vectors);
        if (sentenceVectors != null) validateSentences(chunks, sentenceVectors);
        List<Document> documents = new ArrayList<>(chunks.size() + 1);
        for (int i = 0; i < chunks.size(); i++) {
            documents.add(ChunkDocuments.chunk(chunks.get(i), vectors.get(i)));
            if (sentenceVectors != null) {
                for (float[] sentence : sentenceVectors.get(i)) documents.add(ChunkDocuments.sentence(chunks.get(i), sentence));
            }
        }
        documents.add(ChunkDocuments.report(report));
        try {
            writer.updateDocuments(new Term(ChunkDocuments.REPORT_ID, report.id()), documents);
        } catch (IOException e) {
            throw new IndexException("cannot write report " + report.id() + " to the index at " + location, e);
        }
        reportHashes.put(report.id(), report.contentHash());
    }

    /** Removes a report and its chunks; returns whether the index held it. */
    public boolean removeReport(String reportId) {
        try {
            writer.deleteDocuments(new Term(ChunkDocuments.REPORT_ID, reportId));
        } catch (IOException e) {
            throw new IndexException("cannot remove report " + reportId + " from the index at " + location, e);
        }
        return reportHashes.remove(reportId) != null;
    }

    /** Makes every change so far visible to newly opened readers, atomically and durably. */
    public void commit() {
        writer.setLiveCommitData(new CommitData(settings, reportHashes).toUserData().entrySet());
        try {
            writer.commit();
        } catch (IOException e) {
            throw new IndexException("cannot commit the index at " + location, e);
        }
    }

    /** Closes the writer; changes since the last {@link #commit()} are discarded. */
    @Override
    public void close() {
        try {
            writer.rollback();
            if (ownsDirectory) directory.close();
        } catch (IOException e) {
            throw new IndexException("cannot close the index at " + location, e);
        }
    }

    private void validate(Report report, List<Chunk> chunks, List<float[]> vectors) {
        if (chunks.size() != vectors.size()) {
            throw new IllegalArgumentException(report.id() + ": " + chunks.size() + " chunks but " + vectors.size() + " vectors");
        }
        for (int i = 0; i < chunks.size(); i++) {
            Chunk chunk = chunks.get(i);
            if (!chunk.reportId().equals(report.id())) {
                throw new IllegalArgumentException("chunk " + chunk.id() + " does not belong to report " + report.id());
            }
            if (chunk.ordinal() != i) {
                throw new IllegalArgumentException("chunk " + chunk.id() + " has ordinal " + chunk.ordinal() + " at position " + i);
            }
            if (chunk.end() > report.text().length() || !report.text().substring(chunk.start(), chunk.end()).equals(chunk.text())) {
                throw new IllegalArgumentException("chunk " + chunk.id() + ": text is not the source at [" + chunk.start() + ", " + chunk.end() + ")");
            }
            checkVector("chunk " + chunk.id(), vectors.get(i));
        }
    }

    private void validateSentences(List<Chunk> chunks, List<List<float[]>> sentenceVectors) {
        if (sentenceVectors.size() != chunks.size()) {
            throw new IllegalArgumentException(chunks.size() + " chunks but sentence vectors for " + sentenceVectors.size());
        }
        for (int i = 0; i < chunks.size(); i++) {
            Chunk chunk = chunks.get(i);
            int sentences = ChunkSentences.of(chunk).size();
            if (sentenceVectors.get(i).size() != sentences) {
                throw new IllegalArgumentException("chunk " + chunk.id() + " has " + sentences + " sentences but "
                        + sentenceVectors.get(i).size() + " sentence vectors");
            }
            for (int s = 0; s < sentences; s++) checkVector("sentence " + s + " of chunk " + chunk.id(), sentenceVectors.get(i).get(s));
        }
    }

    private void checkVector(String what, float[] vector) {
        if (vector.length != settings.dimensions()) {
            throw new IllegalArgumentException(what + ": vector has " + vector.length + " dimensions, the index " + settings.dimensions());
        }
        double norm = 0;
        for (float x : vector) norm += x * x;
        if (!(Math.abs(Math.sqrt(norm) - 1) < 1e-3)) {
            throw new IllegalArgumentException(what + ": vector is not unit length (norm " + Math.sqrt(norm) + ")");
        }
    }

    private static Directory fsDirectory(Path folder) {
        try {
            return FSDirectory.open(folder);
        } catch (IOException e) {
            throw new IndexException("cannot open the index folder " + folder + ": " + e.getMessage(), e);
        }
    }
}
