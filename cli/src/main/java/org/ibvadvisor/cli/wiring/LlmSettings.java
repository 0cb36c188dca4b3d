package org.ibvadvisor.cli.wiring;

import java.util.List;
import java.util.Objects;
import org.ibvadvisor.answer.generate.pool.PoolSettings;
import org.ibvadvisor.llm.ollama.OllamaSettings;

/**
 * The LLM backends and, when there are several (or one that is not Ollama), how the pool over them queues and takes
 * them out. One Ollama backend is the advisor as it always was: its own generator, no pool.
 *
 * @param backends at least one, names unique
 * @param pool     the pool's queue, deadline and back-off (unused for one Ollama backend)
 */
public record LlmSettings(List<LlmBackend> backends, PoolSettings pool) {

    public LlmSettings {
        backends = List.copyOf(backends);
        Objects.requireNonNull(pool, "pool");
        if (backends.isEmpty()) {
            throw new IllegalArgumentException("at least one LLM backend is needed");
        }
        List<String> names = backends.stream().map(LlmBackend::name).toList();
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("an LLM backend is named twice: " + String.join(", ", names));
        }
    }

    /** One Ollama backend, as {@code --ollama-url} / {@code --model} configure it. */
    public static LlmSettings ollama(OllamaSettings ollama) {
        return new LlmSettings(List.of(new LlmBackend.Ollama(ollama)),
                PoolSettings.defaults(ollama.maxQueued()).withTotalTimeout(ollama.totalTimeout()));
    }

    /** Whether the backends go through a pool: more than one, or one that is not Ollama. */
    public boolean pooled() {
        return backends.size() > 1 || !(backends.getFirst() instanceof LlmBackend.Ollama);
    }

    /** The one Ollama backend's settings when not pooled. */
    public OllamaSettings singleOllama() {
        if (pooled()) {
            throw new IllegalStateException("the LLM is a pool of " + backends.size() + " backends");
        }
        return ((LlmBackend.Ollama) backends.getFirst()).settings();
    }

    /** The model answers name: the one model, or the distinct models joined with ", ". */
    public String model() {
        return String.join(", ", backends.stream().map(LlmBackend::model).distinct().toList());
    }

    /** "MODEL at URL" for one backend, else the backends named with their models. */
    public String describe() {
        if (!pooled()) {
            return singleOllama().model() + " at " + singleOllama().baseUrl();
        }
        return String.join(", ", backends.stream().map(b -> b.model() + " at " + b.name()).toList());
    }
}
