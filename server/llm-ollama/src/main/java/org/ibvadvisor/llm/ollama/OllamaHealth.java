package org.ibvadvisor.llm.ollama;

import java.util.List;

/** Whether Ollama can answer with the configured model; {@link #message()} is written for the user, with the fix. */
public sealed interface OllamaHealth {

    String message();

    /** Whether answers can be generated. */
    default boolean ready() {
        return this instanceof Ready;
    }

    /** Ollama answers and has the model. */
    record Ready(String baseUrl, String model, String version) implements OllamaHealth {
        @Override
        public String message() {
            return "Ollama " + version + " at " + baseUrl + " serves " + model;
        }
    }

    /** Nothing usable answers at the base URL. */
    record Unreachable(String baseUrl, String detail) implements OllamaHealth {
        @Override
        public String message() {
            return "Ollama is unreachable at " + baseUrl + " (" + detail + "): start it with `ollama serve`, "
                    + "or point --ollama-url / ADVISOR_OLLAMA_URL at it";
        }
    }

    /** Ollama answers but has not pulled the model. */
    record ModelMissing(String baseUrl, String model, List<String> available) implements OllamaHealth {
        public ModelMissing {
            available = List.copyOf(available);
        }

        @Override
        public String message() {
            return "model " + model + " not found at " + baseUrl + ": run `ollama pull " + model + "`"
                    + (available.isEmpty() ? "" : " (pulled: " + String.join(", ", available) + ")");
        }
    }
}
