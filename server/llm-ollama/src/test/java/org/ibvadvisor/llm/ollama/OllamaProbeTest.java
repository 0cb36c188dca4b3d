package org.ibvadvisor.llm.ollama;

import org.ibvadvisor.answer.generate.*;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ibvadvisor.testkit.ollama.StandInOllama;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OllamaProbeTest {

    private final StandInOllama ollama = StandInOllama.start();

    @AfterEach
    void close() {
        ollama.close();
    }

    private OllamaHealth probe(String model) {
        try (OllamaGenerator generator = new OllamaGenerator(
                OllamaSettings.defaults().withBaseUrl(ollama.baseUrl()).withModel(model))) {
            return generator.probe();
        }
    }

    @ParameterizedTest(name = "{0} is found")
    @ValueSource(strings = {"qwen2.5:7b", "qwen3"})
    void a_pulled_model_is_ready(String model) {
        ollama.models("qwen2.5:7b", "qwen3:latest").version("0.11.4");

        OllamaHealth.Ready ready = assertInstanceOf(OllamaHealth.Ready.class, probe(model));

        assertEquals("0.11.4", ready.version());
        assertTrue(ready.ready());
    }

    @Test
    void a_missing_model_says_how_to_pull_it_and_what_is_there() {
        ollama.models("llama3:latest");

        OllamaHealth health = probe("qwen2.5:7b");

        OllamaHealth.ModelMissing missing = assertInstanceOf(OllamaHealth.ModelMissing.class, health);
        assertEquals(List.of("llama3:latest"), missing.available());
        assertEquals("model qwen2.5:7b not found at " + ollama.baseUrl() + ": run `ollama pull qwen2.5:7b`"
                + " (pulled: llama3:latest)", missing.message());
        assertFalse(health.ready());
    }

    @Test
    void nothing_listening_is_unreachable_with_the_fix() {
        String url = ollama.baseUrl();
        ollama.close();

        OllamaHealth health = probe("qwen2.5:7b");

        OllamaHealth.Unreachable unreachable = assertInstanceOf(OllamaHealth.Unreachable.class, health);
        assertEquals("connection refused", unreachable.detail());
        assertTrue(unreachable.message().startsWith("Ollama is unreachable at " + url), unreachable.message());
        assertTrue(unreachable.message().contains("ollama serve"), unreachable.message());
    }
}
