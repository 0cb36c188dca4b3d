package org.ibvadvisor.answer.generate;

import java.util.concurrent.CompletionStage;

/** One generation in progress: its outcome to come, and a way to stop it. */
public interface Generation {

    /**
     * Completes exactly once, with the answer or the reason there is none; always within the total deadline.
     * Dependent stages may run on an internal thread: keep them short or use the async variants.
     */
    CompletionStage<GenerationOutcome> outcome();

    /**
     * Stops the generation (e.g. the client disconnected): the outcome becomes {@link GenerationFailure.Cancelled}
     * unless it was already complete, no more tokens are delivered, and the HTTP stream to the model is closed.
     * Idempotent, safe from any thread, including from inside {@link TokenListener#onToken}.
     */
    void cancel();

    /** Blocks until the outcome is complete and returns it. */
    default GenerationOutcome await() {
        return outcome().toCompletableFuture().join();
    }
}
