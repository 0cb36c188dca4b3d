package org.ibvadvisor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ibvadvisor.cli.wiring.AdvisorConfig;
import org.ibvadvisor.cli.wiring.LlmBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --llm}: one or more backends, each with its model and concurrency; a malformed entry is named. */
class LlmOptionTest {

    private static final LlmOption.Defaults DEFAULTS = new LlmOption.Defaults("qwen2.5:7b", 2, null, null, 16384);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ollama:http://gpu1:11434                                | ollama http://gpu1:11434      | qwen2.5:7b                | 2
            ollama:http://gpu1:11434/#qwen3:8b                      | ollama http://gpu1:11434      | qwen3:8b                  | 2
            ollama:http://gpu1:11434#qwen2.5:14b@4                  | ollama http://gpu1:11434      | qwen2.5:14b               | 4
            ollama:http://gpu1:11434@3                              | ollama http://gpu1:11434      | qwen2.5:7b                | 3
            openai:http://gpu2:8000/v1                              | openai http://gpu2:8000/v1    | qwen2.5:7b                | 2
            openai:http://gpu2:8000#Qwen/Qwen2.5-7B-Instruct@8      | openai http://gpu2:8000/v1    | Qwen/Qwen2.5-7B-Instruct  | 8
            OpenAI:https://llm.example.com/openai/v1#gpt-4o-mini    | openai https://llm.example.com/openai/v1 | gpt-4o-mini    | 2
            """)
    void an_entry_names_protocol_url_model_and_concurrency(String entry, String name, String model, int parallel) {
        LlmBackend backend = LlmOption.parse(entry, DEFAULTS).getFirst();

        assertEquals(name, backend.name());
        assertEquals(model, backend.model());
        assertEquals(parallel, backend.concurrency());
    }

    @Test
    void several_backends_are_separated_by_commas() {
        List<LlmBackend> backends = LlmOption.parse(
                "ollama:http://gpu1:11434, openai:http://gpu2:8000/v1#qwen", DEFAULTS);

        assertEquals(2, backends.size());
        assertInstanceOf(LlmBackend.Ollama.class, backends.get(0));
        LlmBackend.OpenAi openAi = assertInstanceOf(LlmBackend.OpenAi.class, backends.get(1));
        assertEquals(16384, openAi.settings().contextSize());
        assertNull(openAi.settings().apiKey());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            http://gpu1:11434                      | names no protocol: write ollama:http://gpu1:11434 or openai:
            vllm:http://gpu2:8000/v1               | unknown protocol 'vllm': use ollama, or openai
            ollama:http://a:11434,,ollama:http://b | an empty backend
            ollama:gpu1:11434                      | must be http(s)://host
            ollama:http://gpu1:11434#              | no model after '#'
            ollama:http://gpu1:11434#qwen@0        | must be a whole number of at least 1, got '0'
            ollama:http://gpu1:11434#qwen@two      | got 'two'
            ollama:http://gpu1:11434@              | got ''
            """)
    void a_malformed_entry_fails_with_what_was_wrong_and_the_format(String value, String expected) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> LlmOption.parse(value, DEFAULTS));

        assertTrue(error.getMessage().startsWith("--llm "), error.getMessage());
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    @Test
    void the_same_backend_twice_is_refused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ServeCommand.config(
                "--llm", "ollama:http://a:11434,ollama:http://a:11434#other"));

        assertTrue(error.getMessage().contains("named twice"), error.getMessage());
    }

    @Test
    void serve_builds_a_pool_from_llm_and_reads_the_key_from_a_file(@TempDir Path dir) throws Exception {
        Path keyFile = Files.writeString(dir.resolve("key"), "sk-test-1\n");

        AdvisorConfig config = ServeCommand.config("--llm", "ollama:http://gpu1:11434,openai:http://gpu2:8000/v1",
                "--model", "qwen2.5:7b", "--llm-parallel", "3", "--context-size", "8192",
                "--openai-key-file", keyFile.toString());

        assertTrue(config.llm().pooled());
        LlmBackend.OpenAi openAi = (LlmBackend.OpenAi) config.llm().backends().get(1);
        assertEquals("sk-test-1", openAi.settings().apiKey());
        assertEquals(8192, openAi.settings().contextSize());
        assertEquals(3, openAi.concurrency());
        assertEquals("qwen2.5:7b", config.llm().model());
    }

    @Test
    void without_llm_the_ollama_options_give_one_ollama_backend_as_before() {
        AdvisorConfig config = ServeCommand.config("--ollama-url", "http://gpu:11434", "--model", "qwen3:8b");

        assertFalse(config.llm().pooled());
        assertEquals("http://gpu:11434", config.llm().singleOllama().baseUrl());
        assertEquals(2, config.llm().singleOllama().maxConcurrent());
        assertEquals(8, config.llm().singleOllama().maxQueued());
        assertEquals("qwen3:8b at http://gpu:11434", config.llm().describe());
    }

    @Test
    void one_openai_backend_goes_through_the_pool_for_its_health_and_back_off() {
        assertTrue(ServeCommand.config("--llm", "openai:http://gpu2:8000/v1").llm().pooled());
        assertFalse(ServeCommand.config("--llm", "ollama:http://gpu1:11434").llm().pooled());
    }
}
