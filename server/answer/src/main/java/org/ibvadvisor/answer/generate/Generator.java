package org.ibvadvisor.answer.generate;

/** The generation stage: turns a prompt into answer text, streamed. */
public interface Generator {

    /**
     * Starts generating an answer to {@code prompt}, sending its text to {@code listener} as it comes.
     * Returns at once (never blocks on the model); a request that cannot even be queued completes at once with
     * {@link GenerationFailure.Busy}. Thread-safe.
     */
    Generation generate(Prompt prompt, TokenListener listener);
}
