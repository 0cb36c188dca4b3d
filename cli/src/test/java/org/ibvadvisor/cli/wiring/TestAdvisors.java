package org.ibvadvisor.cli.wiring;

import java.nio.file.Path;
import java.time.Duration;
import org.ibvadvisor.llm.ollama.OllamaSettings;
import org.ibvadvisor.answer.pipeline.AnswerSettings;
import org.ibvadvisor.embed.EmbeddingModelSpec;
import org.ibvadvisor.http.ApiSettings;
import org.ibvadvisor.http.RateLimit;
import org.ibvadvisor.ingest.IngestProgress;
import org.ibvadvisor.testing.BundledIndex;

/** The advisor as the tests start it: the product's defaults, port 0, no rate limit, short deadlines. */
public final class TestAdvisors {
    private TestAdvisors() {
    }

    /** The configuration of an advisor over {@code index} keeping conversations in {@code data}. */
    public static AdvisorConfig config(Path index, Path data, String ollamaUrl, String model) {
        OllamaSettings ollama = OllamaSettings.defaults().withBaseUrl(ollamaUrl).withModel(model)
                .withTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(10), Duration.ofSeconds(60));
        ApiSettings api = ApiSettings.defaults().withRateLimit(RateLimit.none()).withSseHeartbeat(Duration.ofSeconds(1));
        return new AdvisorConfig(BundledIndex.corpus(), index, data, EmbeddingModelSpec.BGE_SMALL_ZH_Q.id(), ollama,
                AnswerSettings.defaults(), api, "127.0.0.1", 0);
    }

    /** Starts the advisor over the shared bundled index, talking to the stand-in at {@code ollamaUrl}. */
    public static Advisor start(Path data, String ollamaUrl) {
        return Advisor.start(config(BundledIndex.path(), data, ollamaUrl, OllamaSettings.DEFAULT_MODEL), IngestProgress.NONE);
    }
}
