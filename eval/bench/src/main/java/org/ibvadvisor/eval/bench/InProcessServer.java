package org.ibvadvisor.eval.bench;

import java.net.URI;
import java.nio.file.Path;
import org.ibvadvisor.llm.ollama.OllamaSettings;
import org.ibvadvisor.answer.pipeline.AnswerSettings;
import org.ibvadvisor.http.ApiSettings;
import org.ibvadvisor.http.RateLimit;
import org.ibvadvisor.ingest.IngestProgress;
import org.ibvadvisor.cli.wiring.Advisor;
import org.ibvadvisor.cli.wiring.AdvisorConfig;

/**
 * The real advisor started inside the benchmark's JVM on a free port of 127.0.0.1, with no rate limit, an instant
 * Ollama and a temporary conversation store (deleted on close). The index is built from the corpus when missing.
 */
public final class InProcessServer implements BenchServer {
    private final InstantOllama ollama;
    private final Path conversations;
    private final Advisor advisor;

    InProcessServer(Path corpus, Path index, String embeddingModel, int answerTokens) {
        this.ollama = InstantOllama.start("bench-model", InstantOllama.answerTokens(answerTokens));
        this.conversations = TempFolders.create("bench-conversations");
        try {
            OllamaSettings llm = OllamaSettings.defaults().withBaseUrl(ollama.baseUrl()).withModel(ollama.model());
            ApiSettings api = ApiSettings.defaults().withRateLimit(RateLimit.none());
            this.advisor = Advisor.start(new AdvisorConfig(corpus, index, conversations, embeddingModel, llm,
                    AnswerSettings.defaults(), api, "127.0.0.1", 0), IngestProgress.NONE);
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

    public InstantOllama ollama() {
        return ollama;
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
