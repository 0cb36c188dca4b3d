package org.ibvadvisor.cli.wiring;

import java.nio.file.Path;
import java.util.Objects;
import org.ibvadvisor.llm.ollama.OllamaSettings;
import org.ibvadvisor.answer.pipeline.AnswerSettings;
import org.ibvadvisor.http.ApiSettings;
import org.ibvadvisor.http.auth.AuthSettings;

/**
 * Everything the advisor is configured with, read once by the command line and passed down.
 *
 * @param corpus         the reports, ingested when there is no index yet
 * @param index          the Lucene index folder
 * @param conversations  the conversation store's folder
 * @param embeddingModel the embedding model id (must match the index's)
 * @param llm            the LLM backends (one Ollama by default)
 * @param answers        answer pipeline settings (passages, refusal threshold, …)
 * @param api            HTTP limits and switches
 * @param host           interface to listen on
 * @param port           port to listen on (0 = any free port)
 * @param auth           how callers sign in (the per-person keys of the data folder are added when the advisor starts)
 */
public record AdvisorConfig(Path corpus, Path index, Path conversations, String embeddingModel, LlmSettings llm,
                            AnswerSettings answers, ApiSettings api, String host, int port, AuthSettings auth) {
    public AdvisorConfig {
        Objects.requireNonNull(corpus, "corpus");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(conversations, "conversations");
        Objects.requireNonNull(embeddingModel, "embeddingModel");
        Objects.requireNonNull(llm, "llm");
        Objects.requireNonNull(answers, "answers");
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535, was " + port);
        Objects.requireNonNull(auth, "auth");
    }

    /** With no sign-in configured: the local user on loopback (or the data folder's keys, when it holds some). */
    public AdvisorConfig(Path corpus, Path index, Path conversations, String embeddingModel, LlmSettings llm,
                         AnswerSettings answers, ApiSettings api, String host, int port) {
        this(corpus, index, conversations, embeddingModel, llm, answers, api, host, port, AuthSettings.none());
    }

    /** The advisor with one Ollama backend and no sign-in configured. */
    public AdvisorConfig(Path corpus, Path index, Path conversations, String embeddingModel, OllamaSettings ollama,
                         AnswerSettings answers, ApiSettings api, String host, int port) {
        this(corpus, index, conversations, embeddingModel, LlmSettings.ollama(ollama), answers, api, host, port);
    }

    public AdvisorConfig withAuth(AuthSettings value) {
        return new AdvisorConfig(corpus, index, conversations, embeddingModel, llm, answers, api, host, port, value);
    }

    public AdvisorConfig withLlm(LlmSettings newLlm) {
        return new AdvisorConfig(corpus, index, conversations, embeddingModel, newLlm, answers, api, host, port, auth);
    }
}
