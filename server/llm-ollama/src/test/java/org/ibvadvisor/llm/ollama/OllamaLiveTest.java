package org.ibvadvisor.llm.ollama;

import org.ibvadvisor.answer.generate.*;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The generator against a real Ollama, for what the stand-in cannot prove: that Ollama accepts the request as sent,
 * and that a prompt larger than num_ctx really is reported as filling the window. Runs only when {@code OLLAMA_URL}
 * is set, e.g. {@code OLLAMA_URL=http://gpu-host:11434 ADVISOR_MODEL=qwen2.5:7b mvn -pl server -am test
 * -Dtest=OllamaLiveTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfEnvironmentVariable(named = "OLLAMA_URL", matches = ".+")
class OllamaLiveTest {

    private static OllamaSettings settings;

    @BeforeAll
    static void settings() {
        String model = System.getenv().getOrDefault("ADVISOR_MODEL", OllamaSettings.DEFAULT_MODEL);
        settings = OllamaSettings.defaults().withBaseUrl(System.getenv("OLLAMA_URL")).withModel(model)
                .withThink(model.startsWith("qwen3") ? Boolean.FALSE : null)
                .withTimeouts(Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofMinutes(4));
        try (OllamaGenerator generator = new OllamaGenerator(settings)) {
            OllamaHealth health = generator.probe();
            assertTrue(health.ready(), health.message());
        }
    }

    @Test
    void a_short_question_gets_a_complete_answer_with_counts() {
        try (OllamaGenerator generator = new OllamaGenerator(settings)) {
            List<String> tokens = new CopyOnWriteArrayList<>();
            GenerationOutcome outcome = generator.generate(new Prompt("用一句话回答。", "天空为什么是蓝色的？"),
                    tokens::add).await();

            Generated answer = assertInstanceOf(Generated.class, outcome, () -> outcome.toString());
            assertFalse(answer.text().isBlank());
            assertTrue(answer.promptEvalCount() != null && answer.evalCount() != null, answer.toString());
            assertFalse(answer.promptTruncated(), answer.toString());
            assertTrue(String.join("", tokens).equals(answer.text()));
        }
    }

    @Test
    void a_prompt_larger_than_the_window_is_reported_as_truncated() {
        try (OllamaGenerator generator = new OllamaGenerator(settings.withContext(512, 512, 32))) {
            String passages = "生成式人工智能的投资回报率在不同行业之间差异很大。".repeat(120);
            GenerationOutcome outcome = generator.generate(new Prompt("", passages + "\n问题：回报率如何？"),
                    TokenListener.ignoring()).await();

            Generated answer = assertInstanceOf(Generated.class, outcome, () -> outcome.toString());
            assertTrue(answer.promptTruncated(), answer.toString());
        }
    }

    @Test
    void cancel_after_the_first_token_stops_the_answer() throws InterruptedException {
        try (OllamaGenerator generator = new OllamaGenerator(settings)) {
            List<String> tokens = new CopyOnWriteArrayList<>();
            Generation generation = generator.generate(new Prompt("", "请写一篇关于人工智能的长文。"), tokens::add);
            while (tokens.isEmpty() && !generation.outcome().toCompletableFuture().isDone()) {
                Thread.sleep(10);
            }
            generation.cancel();
            assertInstanceOf(GenerationFailure.Cancelled.class, generation.await());
        }
    }
}
