package org.ibvadvisor.llm.openai;

import java.util.List;

/** Whether an OpenAI-compatible server can answer with the configured model; {@link #message()} says so, with the fix. */
public sealed interface OpenAiHealth {

    String message();

    default boolean ready() {
        return this instanceof Ready;
    }

    /** The server answers and lists the model. */
    record Ready(String baseUrl, String model) implements OpenAiHealth {
        @Override
        public String message() {
            return "OpenAI-compatible server at " + baseUrl + " serves " + model;
        }
    }

    /** Nothing usable answers at the base URL (refused, an HTTP error such as 401 for a wrong key, not JSON). */
    record Unreachable(String baseUrl, String detail) implements OpenAiHealth {
        @Override
        public String message() {
            return "the OpenAI-compatible LLM server is unreachable at " + baseUrl + " (" + detail + "): start it"
                    + " (vLLM, SGLang, llama.cpp server, LM Studio, LiteLLM), or point --llm / ADVISOR_LLM at it";
        }
    }

    /** The server answers but does not list the model. */
    record ModelMissing(String baseUrl, String model, List<String> available) implements OpenAiHealth {
        public ModelMissing {
            available = List.copyOf(available);
        }

        @Override
        public String message() {
            return "model " + model + " not found at " + baseUrl + ": name one the server serves with --llm openai:"
                    + baseUrl + "#MODEL" + (available.isEmpty() ? "" : " (served: " + String.join(", ", available) + ")");
        }
    }
}
