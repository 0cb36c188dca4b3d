package org.ibvadvisor.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ibvadvisor.answer.generate.pool.PoolSettings;
import org.ibvadvisor.cli.wiring.LlmBackend;
import org.ibvadvisor.cli.wiring.LlmSettings;
import org.ibvadvisor.llm.ollama.OllamaSettings;
import org.ibvadvisor.llm.openai.OpenAiSettings;
import org.ibvadvisor.answer.pipeline.AnswerSettings;
import org.ibvadvisor.http.ApiSettings;
import org.ibvadvisor.cli.wiring.AdvisorConfig;
import picocli.CommandLine.Option;

/** Options every command that answers questions takes: where the data is and which LLM to use. */
final class AdvisorOptions {
    /** Where the key for OpenAI-compatible servers is read from when no key file is given (never from argv). */
    static final String OPENAI_KEY_ENV = "ADVISOR_OPENAI_API_KEY";

    @Option(names = "--index", paramLabel = "DIR", description = "index folder (built from --corpus when missing); default: ${DEFAULT-VALUE}")
    Path index = AdvisorHome.fromSystem().index();

    @Option(names = "--corpus", paramLabel = "DIR", description = "reports to ingest when there is no index; default: ${DEFAULT-VALUE}")
    Path corpus = AdvisorHome.fromSystem().corpus();

    @Option(names = "--data", paramLabel = "DIR", description = "conversation store folder; default: ${DEFAULT-VALUE}")
    Path conversations = AdvisorHome.fromSystem().conversations();

    @Option(names = "--ollama-url", paramLabel = "URL", defaultValue = "${env:ADVISOR_OLLAMA_URL:-http://localhost:11434}",
            description = "Ollama base URL (env ADVISOR_OLLAMA_URL); default: ${DEFAULT-VALUE}. One Ollama backend; --llm replaces it")
    String ollamaUrl;

    @Option(names = "--model", paramLabel = "NAME", defaultValue = "${env:ADVISOR_MODEL:-qwen2.5:7b}",
            description = "model (env ADVISOR_MODEL), e.g. qwen2.5:7b, qwen3:8b; for --llm backends that name none; default: ${DEFAULT-VALUE}")
    String model;

    @Option(names = "--think", paramLabel = "true|false",
            description = "send Ollama's 'think' flag (use false with qwen3 to skip its reasoning); unset by default")
    Boolean think;

    @Option(names = "--llm", paramLabel = "BACKEND[,BACKEND...]", defaultValue = "${env:ADVISOR_LLM}",
            description = {"LLM backends (env ADVISOR_LLM), each PROTOCOL:URL[#MODEL][@N]: PROTOCOL ollama, or openai for"
                    + " any OpenAI-compatible server (vLLM, SGLang, llama.cpp server, LM Studio, LiteLLM); MODEL defaults"
                    + " to --model, N (answers at once) to --llm-parallel. E.g."
                    + " ollama:http://gpu1:11434,openai:http://gpu2:8000/v1#Qwen/Qwen2.5-7B-Instruct@4."
                    + " Several backends form a pool: the least busy takes each question, a failing one is taken out and"
                    + " the question retried once on another before any token was sent."})
    String llm;

    @Option(names = "--llm-parallel", paramLabel = "N", defaultValue = "2",
            description = "answers each --llm backend streams at once unless its @N says; default: ${DEFAULT-VALUE}")
    int llmParallel;

    @Option(names = "--context-size", paramLabel = "TOKENS", defaultValue = "" + OpenAiSettings.DEFAULT_CONTEXT_SIZE,
            description = "context length OpenAI-compatible servers run their model with (vLLM's --max-model-len);"
                    + " default: ${DEFAULT-VALUE}")
    int contextSize;

    @Option(names = "--openai-key-file", paramLabel = "FILE",
            description = "file holding the key for OpenAI-compatible servers (sent as Authorization: Bearer);"
                    + " else env " + OPENAI_KEY_ENV + "; none by default")
    Path openAiKeyFile;

    @Option(names = "--embedding-model", paramLabel = "ID",
            description = "embedding model: bge-small-zh-v1.5-q (default) or bge-small-zh-v1.5; must match the index")
    String embeddingModel = Components.DEFAULT_EMBEDDING_MODEL;

    AdvisorConfig config(ApiSettings api, String host, int port) {
        return new AdvisorConfig(corpus, index, conversations, embeddingModel, llm(), AnswerSettings.defaults(), api,
                host, port);
    }

    /** One Ollama backend from --ollama-url and --model, unless --llm names the backends. */
    LlmSettings llm() {
        if (llm == null || llm.isBlank()) {
            return LlmSettings.ollama(OllamaSettings.defaults().withBaseUrl(ollamaUrl).withModel(model).withThink(think));
        }
        List<LlmBackend> backends = LlmOption.parse(llm,
                new LlmOption.Defaults(model, llmParallel, think, openAiKey(), contextSize));
        PoolSettings pool = PoolSettings.defaults(OllamaSettings.defaults().maxQueued() * backends.size())
                .withTotalTimeout(OllamaSettings.defaults().totalTimeout());
        return new LlmSettings(backends, pool);
    }

    private String openAiKey() {
        if (openAiKeyFile == null) {
            String fromEnvironment = System.getenv(OPENAI_KEY_ENV);
            return fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment.strip();
        }
        try {
            String key = Files.readString(openAiKeyFile, StandardCharsets.UTF_8).strip();
            if (key.isEmpty()) {
                throw new IllegalArgumentException("--openai-key-file " + openAiKeyFile + " is empty");
            }
            return key;
        } catch (IOException e) {
            throw new IllegalArgumentException("--openai-key-file " + openAiKeyFile + " cannot be read: " + e.getMessage(), e);
        }
    }
}
