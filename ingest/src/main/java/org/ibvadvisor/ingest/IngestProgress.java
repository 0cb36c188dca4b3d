package org.ibvadvisor.ingest;

/**
 * Hears how an ingest advances, for a progress bar or log lines. Called on the ingesting thread.
 */
public interface IngestProgress {
    IngestProgress NONE = new IngestProgress() {};

    /** Embedding is about to start: {@code chunks} chunks of {@code reports} reports will be embedded. */
    default void embeddingStarted(int reports, int chunks) {}

    /** {@code chunks} more chunks of report {@code reportId} were embedded. */
    default void embedded(String reportId, int chunks) {}

    /** Everything was embedded; the index is being committed. */
    default void committing() {}
}
