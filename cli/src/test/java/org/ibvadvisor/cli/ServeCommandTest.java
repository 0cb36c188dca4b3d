package org.ibvadvisor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.ibvadvisor.cli.wiring.AdvisorConfig;
import org.junit.jupiter.api.Test;

/** {@code serve}'s options become the advisor's configuration the same way for the command and for benchmarks. */
class ServeCommandTest {
    @Test
    void a_benchmarks_serve_options_give_an_advisor_without_rate_limit_or_key() {
        AdvisorConfig config = ServeCommand.config("--rate-limit", "0", "--api-key=", "--index", "/tmp/i", "--data",
                "/tmp/d", "--ollama-url", "http://127.0.0.1:9/", "--model", "bench-model", "--port", "0");

        assertFalse(config.api().rateLimit().limited());
        assertFalse(config.api().accessLog(), "the access log is off unless asked for");
        assertFalse(config.auth().signInConfigured());
        assertEquals(Path.of("/tmp/i"), config.index());
        assertEquals(Path.of("/tmp/d"), config.conversations());
        assertFalse(config.llm().pooled(), "one Ollama backend, as always");
        assertEquals("http://127.0.0.1:9", config.llm().singleOllama().baseUrl());
        assertEquals("bench-model", config.llm().singleOllama().model());
        assertNull(config.llm().singleOllama().think());
        assertEquals("127.0.0.1", config.host());
        assertEquals(0, config.port());
    }
}
