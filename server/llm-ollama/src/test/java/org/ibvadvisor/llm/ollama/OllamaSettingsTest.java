package org.ibvadvisor.llm.ollama;

import org.ibvadvisor.answer.generate.*;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OllamaSettingsTest {

    @Test
    void defaults_are_a_local_ollama_with_qwen() {
        OllamaSettings defaults = OllamaSettings.defaults();
        assertEquals("http://localhost:11434", defaults.baseUrl());
        assertEquals("qwen2.5:7b", defaults.model());
        assertTrue(defaults.temperature() <= 0.2);
    }

    @Test
    void a_trailing_slash_is_dropped_from_the_base_url() {
        assertEquals("http://gpu-host:11434", OllamaSettings.defaults().withBaseUrl("http://gpu-host:11434/").baseUrl());
    }

    static Stream<Arguments> badSettings() {
        OllamaSettings d = OllamaSettings.defaults();
        return Stream.of(
                Arguments.of("localhost:11434", (Supplier<?>) () -> d.withBaseUrl("localhost:11434")),
                Arguments.of("ftp://host", (Supplier<?>) () -> d.withBaseUrl("ftp://host")),
                Arguments.of("model must not be blank", (Supplier<?>) () -> d.withModel(" ")),
                Arguments.of("temperature", (Supplier<?>) () -> d.withSampling(3.0, Duration.ZERO)),
                Arguments.of("8192 and 4096", (Supplier<?>) () -> d.withContext(8192, 4096, 100)),
                Arguments.of("numPredict", (Supplier<?>) () -> d.withContext(4096, 4096, 4096)),
                Arguments.of("idleTimeout", (Supplier<?>) () -> d.withTimeouts(Duration.ofSeconds(1), Duration.ZERO,
                        Duration.ofSeconds(1))),
                Arguments.of("maxConcurrent", (Supplier<?>) () -> d.withConcurrency(0, 1)));
    }

    @ParameterizedTest(name = "rejected, naming {0}")
    @MethodSource("badSettings")
    void bad_values_are_rejected_with_the_value_in_the_message(String named, Supplier<?> build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::get);
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }

    @Test
    void keep_alive_goes_out_in_whole_seconds_and_negative_means_forever() {
        assertEquals(1800, OllamaChat.keepAliveSeconds(Duration.ofMinutes(30)));
        assertEquals(-1, OllamaChat.keepAliveSeconds(Duration.ofSeconds(-5)));
    }
}
