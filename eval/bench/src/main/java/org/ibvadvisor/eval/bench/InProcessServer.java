package org.ibvadvisor.eval.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.ibvadvisor.cli.ServeCommand;
import org.ibvadvisor.ingest.IngestProgress;
import org.ibvadvisor.cli.wiring.Advisor;
import org.ibvadvisor.testkit.ollama.ChatScript;
import org.ibvadvisor.testkit.ollama.StandInOllama;

/**
 * The real advisor as {@code ./advisor serve} configures it ({@link ServeCommand#config}), started inside the
 * benchmark's JVM on a free port of 127.0.0.1, with no rate limit, an instant stand-in Ollama and a temporary
 * conversation store (deleted on close). The index is built from the corpus when missing.
 */
public final class InProcessServer implements BenchServer {
    private final StandInOllama ollama;
    private final int answerTokens;
    private final Path conversations;
    private final Advisor advisor;

    InProcessServer(Path corpus, Path index, String embeddingModel, int answerTokens) {
        this.ollama = StandInOllama.forBenchmarks(MODEL, ChatScript.citingAnswer(answerTokens));
        this.answerTokens = answerTokens;
        this.conversations = TempFolders.create("bench-conversations");
        try {
            List<String> serve = BenchAdvisorMain.serveOptions(List.of("--index", index.toString(), "--corpus",
                    corpus.toString(), "--data", conversations.toString(), "--embedding-model", embeddingModel,
                    "--ollama-url", ollama.baseUrl(), "--model", MODEL, "--host", "127.0.0.1", "--port", "0"));
            this.advisor = Advisor.start(ServeCommand.config(serve.toArray(String[]::new)), IngestProgress.NONE);
        } catch (RuntimeException e) {
            ollama.close();
            TempFolders.delete(conversations);
            throw e;
        }
    }

    @Override
    public URI uri() {
        return advisor.uri();
    }

    public StandInOllama ollama() {
        return ollama;
    }

    /** Tokens of the answer the stand-in streams unless told otherwise. */
    public int answerTokens() {
        return answerTokens;
    }

    @Override
    public void close() {
        try {
            advisor.close();
        } finally {
            ollama.close();
            TempFolders.delete(conversations);
        }
    }
}
