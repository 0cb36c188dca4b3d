package org.ibvadvisor.eval.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ibvadvisor.answer.generate.Generated;
import org.ibvadvisor.llm.ollama.OllamaGenerator;
import org.ibvadvisor.llm.ollama.OllamaSettings;
import org.ibvadvisor.answer.generate.Prompt;
import org.ibvadvisor.llm.ollama.OllamaHealth;
import org.junit.jupiter.api.Test;

/** The benchmark's stand-in must be an Ollama the product's own client accepts. */
class InstantOllamaTest {
    @Test
    void the_products_ollama_client_streams_its_answer_token_by_token() {
        try (InstantOllama ollama = InstantOllama.start("bench-model", List.of("生成", "式", " AI", "[1]"));
             OllamaGenerator generator = new OllamaGenerator(OllamaSettings.defaults().withBaseUrl(ollama.baseUrl())
                     .withModel("bench-model").withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10)))) {
            List<String> tokens = new CopyOnWriteArrayList<>();

            Generated generated = assertInstanceOf(Generated.class,
                    generator.generate(new Prompt("系统", "问题"), tokens::add).await());

            assertEquals(List.of("生成", "式", " AI", "[1]"), tokens);
            assertEquals("生成式 AI[1]", generated.text());
            assertEquals(1, ollama.chats());
        }
    }

    @Test
    void the_health_probe_sees_the_model_and_a_changed_answer_is_streamed_next() {
        try (InstantOllama ollama = InstantOllama.start("bench-model", InstantOllama.answerTokens(5));
             OllamaGenerator generator = new OllamaGenerator(OllamaSettings.defaults().withBaseUrl(ollama.baseUrl())
                     .withModel("bench-model"))) {
            assertInstanceOf(OllamaHealth.Ready.class, generator.probe());
            ollama.answer(InstantOllama.answerTokens(300));
            List<String> tokens = new CopyOnWriteArrayList<>();
            generator.generate(new Prompt("系统", "问题"), tokens::add).await();
            assertEquals(300, tokens.size());
        }
    }
}
