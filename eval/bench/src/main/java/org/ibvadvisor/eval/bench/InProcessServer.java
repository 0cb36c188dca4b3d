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
import org.ibvadvisor.testkit.ollama.ChatScript;
import org.ibvadvisor.testkit.ollama.StandInOllama;

/**
 * The real advisor started inside the benchmark's JVM on a free port of 127.0.0.1, with no rate limit, an instant
 * Ollama and a temporary conversation store (deleted on close). The index is built from the corpus when missing.
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
            OllamaSettings llm = OllamaSettings.defaults().withBaseUrl(ollama.baseUrl()).withModel(MODEL);
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
