package org.ibvadvisor.eval.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ibvadvisor.answer.generate.Generated;
import org.ibvadvisor.answer.generate.Prompt;
import org.ibvadvisor.llm.ollama.OllamaGenerator;
import org.ibvadvisor.llm.ollama.OllamaHealth;
import org.ibvadvisor.llm.ollama.OllamaSettings;
import org.ibvadvisor.testkit.ollama.ChatScript;
import org.ibvadvisor.testkit.ollama.StandInOllama;
import org.junit.jupiter.api.Test;

/** The benchmarks' stand-in Ollama must be an Ollama the product's own client accepts. */
class BenchOllamaTest {
    @Test
    void the_products_ollama_client_streams_its_answer_token_by_token() {
        try (StandInOllama ollama = StandInOllama.forBenchmarks("bench-model", ChatScript.tokens("生成", "式", " AI", "[1]"));
             OllamaGenerator generator = new OllamaGenerator(OllamaSettings.defaults().withBaseUrl(ollama.baseUrl())
                     .withModel("bench-model").withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10)))) {
            List<String> tokens = new CopyOnWriteArrayList<>();

            Generated generated = assertInstanceOf(Generated.class,
                    generator.generate(new Prompt("系统", "问题"), tokens::add).await());

            assertEquals(List.of("生成", "式", " AI", "[1]"), tokens);
            assertEquals("生成式 AI[1]", generated.text());
            assertEquals(1, ollama.chatsAnswered());
            assertTrue(ollama.requests().isEmpty(), "a benchmark's stand-in keeps no record of requests");
        }
    }

    @Test
    void the_health_probe_sees_the_model_and_a_changed_answer_is_streamed_next() {
        try (StandInOllama ollama = StandInOllama.forBenchmarks("bench-model", ChatScript.citingAnswer(5));
             OllamaGenerator generator = new OllamaGenerator(OllamaSettings.defaults().withBaseUrl(ollama.baseUrl())
                     .withModel("bench-model"))) {
            assertInstanceOf(OllamaHealth.Ready.class, generator.probe());
            ollama.onChat(ChatScript.citingAnswer(300));
            List<String> tokens = new CopyOnWriteArrayList<>();
            Generated generated = assertInstanceOf(Generated.class,
                    generator.generate(new Prompt("系统", "问题"), tokens::add).await());
            assertEquals(300, tokens.size());
            assertEquals(900, generated.promptEvalCount());
        }
    }
}
