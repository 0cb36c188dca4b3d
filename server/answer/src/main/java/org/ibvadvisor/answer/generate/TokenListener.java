package org.ibvadvisor.answer.generate;

/** Receives the answer text as it is generated. */
@FunctionalInterface
public interface TokenListener {

    /**
     * One piece of answer text (never empty; never thinking). Called in order, never concurrently, and never after
     * the generation's outcome is complete; called on an I/O thread, so it must not block for long. An exception
     * thrown here ends the generation with {@link GenerationFailure.StreamBroken}.
     */
    void onToken(String text);

    /** A listener for callers that only want the outcome. */
    static TokenListener ignoring() {
        return text -> { };
    }
}
