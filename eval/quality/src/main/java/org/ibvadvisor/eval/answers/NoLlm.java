package org.ibvadvisor.eval.answers;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.ibvadvisor.answer.generate.Generation;
import org.ibvadvisor.answer.generate.GenerationFailure;
import org.ibvadvisor.answer.generate.GenerationOutcome;
import org.ibvadvisor.answer.generate.Generator;
import org.ibvadvisor.answer.generate.Prompt;
import org.ibvadvisor.answer.generate.TokenListener;

/**
 * A generator with no model behind it: every generation fails at once as {@link GenerationFailure.Unreachable}, so
 * the pipeline answers extractively (what it does when Ollama is down) without waiting for a connection to fail.
 */
public final class NoLlm implements Generator {
    private final String why;

    /** @param why the detail of the failure, e.g. {@code no LLM in the answer eval} */
    public NoLlm(String why) {
        this.why = Objects.requireNonNull(why, "why");
    }

    @Override
    public Generation generate(Prompt prompt, TokenListener listener) {
        CompletableFuture<GenerationOutcome> outcome =
                CompletableFuture.completedFuture(new GenerationFailure.Unreachable("(none)", why));
        return new Generation() {
            @Override
            public CompletionStage<GenerationOutcome> outcome() {
                return outcome;
            }

            @Override
            public void cancel() {
            }
        };
    }
}
