package org.ibvadvisor.llm.openai;

import java.util.Objects;
import org.ibvadvisor.answer.generate.Generation;
import org.ibvadvisor.answer.generate.Generator;
import org.ibvadvisor.answer.generate.GuardedGenerator;
import org.ibvadvisor.answer.generate.Prompt;
import org.ibvadvisor.answer.generate.TokenListener;

/**
 * The {@link Generator} on an OpenAI-compatible server: the answer core's {@link GuardedGenerator} (admission,
 * deadlines, context window, think tags) around {@link OpenAiChat}, which only speaks the protocol. Owns its
 * threads: close it.
 */
public final class OpenAiGenerator implements Generator, AutoCloseable {

    /** Name prefix of every thread the generator starts (besides the JDK HTTP client's selector thread). */
    public static final String THREAD_PREFIX = "openai-";

    private final OpenAiSettings settings;
    private final OpenAiChat chat;
    private final GuardedGenerator guarded;

    public OpenAiGenerator(OpenAiSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.chat = new OpenAiChat(settings, THREAD_PREFIX);
        this.guarded = new GuardedGenerator(chat, settings.limits(), THREAD_PREFIX);
    }

    @Override
    public Generation generate(Prompt prompt, TokenListener listener) {
        return guarded.generate(prompt, listener);
    }

    /** Checks that the server answers at the base URL and serves the model; for start-up and status pages. */
    public OpenAiHealth probe() {
        return chat.probe();
    }

    public OpenAiSettings settings() {
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
