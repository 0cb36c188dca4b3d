package org.ibvadvisor.cli.wiring;

import java.util.Objects;
import org.ibvadvisor.llm.ollama.OllamaSettings;
import org.ibvadvisor.llm.openai.OpenAiSettings;

/** One LLM backend the advisor is configured with: an Ollama or an OpenAI-compatible server, with its model. */
public sealed interface LlmBackend {

    /** How the operator knows it: protocol and base URL, e.g. {@code ollama http://gpu1:11434}. */
    String name();

    String model();

    /** Answers it streams at once. */
    int concurrency();

    /** An Ollama server. */
    record Ollama(OllamaSettings settings) implements LlmBackend {
        public Ollama {
            Objects.requireNonNull(settings, "settings");
        }

        @Override
        public String name() {
            return "ollama " + settings.baseUrl();
        }

        @Override
        public String model() {
            return settings.model();
        }

        @Override
        public int concurrency() {
            return settings.maxConcurrent();
        }
    }

    /** An OpenAI-compatible server (vLLM, SGLang, llama.cpp's server, LM Studio, LiteLLM). */
    record OpenAi(OpenAiSettings settings) implements LlmBackend {
        public OpenAi {
            Objects.requireNonNull(settings, "settings");
        }

        @Override
        public String name() {
            return "openai " + settings.baseUrl();
        }

        @Override
        public String model() {
            return settings.model();
        }

        @Override
        public int concurrency() {
            return settings.maxConcurrent();
        }
    }
}
