package org.ibvadvisor.cli;

import java.nio.file.Path;
import org.ibvadvisor.llm.ollama.OllamaSettings;
import org.ibvadvisor.answer.pipeline.AnswerSettings;
import org.ibvadvisor.http.ApiSettings;
import org.ibvadvisor.cli.wiring.AdvisorConfig;
import picocli.CommandLine.Option;

/** Options every command that answers questions takes: where the data is and which LLM to use. */
final class AdvisorOptions {
    @Option(names = "--index", paramLabel = "DIR", description = "index folder (built from --corpus when missing); default: ${DEFAULT-VALUE}")
    Path index = AdvisorHome.fromSystem().index();

    @Option(names = "--corpus", paramLabel = "DIR", description = "reports to ingest when there is no index; default: ${DEFAULT-VALUE}")
    Path corpus = AdvisorHome.fromSystem().corpus();

    @Option(names = "--data", paramLabel = "DIR", description = "conversation store folder; default: ${DEFAULT-VALUE}")
    Path conversations = AdvisorHome.fromSystem().conversations();

    @Option(names = "--ollama-url", paramLabel = "URL", defaultValue = "${env:ADVISOR_OLLAMA_URL:-http://localhost:11434}",
            description = "Ollama base URL (env ADVISOR_OLLAMA_URL); default: ${DEFAULT-VALUE}")
    String ollamaUrl;

    @Option(names = "--model", paramLabel = "NAME", defaultValue = "${env:ADVISOR_MODEL:-qwen2.5:7b}",
            description = "Ollama model (env ADVISOR_MODEL), e.g. qwen2.5:7b, qwen3:8b; default: ${DEFAULT-VALUE}")
    String model;

    @Option(names = "--think", paramLabel = "true|false",
            description = "send Ollama's 'think' flag (use false with qwen3 to skip its reasoning); unset by default")
    Boolean think;

    @Option(names = "--embedding-model", paramLabel = "ID",
            description = "embedding model: bge-small-zh-v1.5-q (default) or bge-small-zh-v1.5; must match the index")
    String embeddingModel = Components.DEFAULT_EMBEDDING_MODEL;

    AdvisorConfig config(ApiSettings api, String host, int port) {
        OllamaSettings ollama = OllamaSettings.defaults().withBaseUrl(ollamaUrl).withModel(model).withThink(think);
        return new AdvisorConfig(corpus, index, conversations, embeddingModel, ollama, AnswerSettings.defaults(), api, host, port);
    }
}
