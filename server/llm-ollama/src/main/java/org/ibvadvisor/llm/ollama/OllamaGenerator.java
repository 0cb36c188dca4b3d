package org.ibvadvisor.llm.ollama;

import java.util.Objects;
import org.ibvadvisor.answer.generate.Generation;
import org.ibvadvisor.answer.generate.Generator;
import org.ibvadvisor.answer.generate.GuardedGenerator;
import org.ibvadvisor.answer.generate.Prompt;
import org.ibvadvisor.answer.generate.TokenListener;

/**
 * The {@link Generator} on a local Ollama: the answer core's {@link GuardedGenerator} (admission, deadlines, context
 * window, think tags) around {@link OllamaChat}, which only speaks Ollama. Owns its threads: close it.
 */
public final class OllamaGenerator implements Generator, AutoCloseable {

    /** Name prefix of every thread the generator starts (besides the JDK HTTP client's selector thread). */
    public static final String THREAD_PREFIX = "ollama-";

    private final OllamaSettings settings;
    private final OllamaChat chat;
    private final GuardedGenerator guarded;

    public OllamaGenerator(OllamaSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.chat = new OllamaChat(settings, THREAD_PREFIX);
        this.guarded = new GuardedGenerator(chat, settings.limits(), THREAD_PREFIX);
    }

    @Override
    public Generation generate(Prompt prompt, TokenListener listener) {
        return guarded.generate(prompt, listener);
    }

    /** Checks that Ollama answers at the base URL and has the model; for start-up and status pages. */
    public OllamaHealth probe() {
        return chat.probe();
    }

    public OllamaSettings settings() {
        return settings;
    }

    /** Generations streaming now. */
    public int running() {
        return guarded.running();
    }

    /** Generations waiting for a turn. */
    public int queued() {
        return guarded.queued();
    }

    /** Cancels every generation in flight and stops the generator's threads. */
    @Override
    public void close() {
        guarded.close();
    }
}
