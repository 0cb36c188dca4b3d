package org.ibvadvisor.eval.bench;

import java.net.URI;
import java.nio.file.Path;

/** An advisor a benchmark talks to over HTTP: started inside the benchmark's JVM, or as its own process. */
public interface BenchServer extends AutoCloseable {
    /** The one model the benchmarks' stand-in Ollama serves. */
    String MODEL = "bench-model";

    /** The server's base address, e.g. {@code http://127.0.0.1:40123/}. */
    URI uri();

    /** Stops the server and deletes what it was given to keep (conversation store). */
    @Override
    void close();

    /**
     * The real advisor in this JVM, no rate limit, answering with a stand-in Ollama that streams
     * {@code answerTokens} tokens at once; the index is built from {@code corpus} when missing.
     */
    static InProcessServer inProcess(Path corpus, Path index, String embeddingModel, int answerTokens) {
        return new InProcessServer(corpus, index, embeddingModel, answerTokens);
    }
}
