package org.ibvadvisor.answer.generate;

/**
 * One streaming chat protocol (Ollama, an OpenAI-compatible server) and nothing more: it starts a chat, reports what
 * the stream brings and stops it when told. {@link GuardedGenerator} adds, around any backend, the admission, the
 * deadlines, the context window, the think-tag filter and the one outcome.
 */
public interface ChatBackend extends AutoCloseable {

    /**
     * Starts streaming the reply to {@code prompt} in a context window of {@code numCtx} tokens and returns at once,
     * never throwing for a failure of the protocol (it reports it to {@code events}). Events come one at a time, in
     * order, on any thread, possibly before this returns; after {@link Events#done} or {@link Events#failed} none
     * follow. Thread-safe.
     */
    Chat stream(Prompt prompt, int numCtx, Events events);

    /** Stops the backend's threads and connections; chats still streaming fail or go silent. */
    @Override
    void close();

    /** One chat streaming: a way to stop it. */
    @FunctionalInterface
    interface Chat {
        /** Stops the chat wherever it is (request pending, reply streaming); idempotent, safe from any thread. */
        void abort();
    }

    /** What a chat's stream brings, in order. */
    interface Events {
        /** A line of the stream arrived (content, thinking, the final chunk, an error): the model is alive. */
        void line();

        /** A piece of the reply as the model wrote it (it may hold an inline think block); never empty. */
        void content(String piece);

        /** The reply ended as the model meant it to. */
        void done(Usage usage);

        /** The chat failed (refused connection, HTTP status, model missing, stream ended without its end…). */
        void failed(GenerationFailure failure);
    }

    /**
     * What the model reported at the end of a reply.
     *
     * @param doneReason      why it stopped: {@code stop}, {@code length} (hit the output limit), null if not reported
     * @param promptEvalCount prompt tokens it evaluated, null if not reported (lower than the prompt when cached)
     * @param evalCount       tokens it generated, null if not reported
     */
    record Usage(String doneReason, Integer promptEvalCount, Integer evalCount) {}
}
