package org.ibvadvisor.answer.generate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A complete answer, as the model ended it.
 *
 * @param text                  the answer text (exactly the tokens delivered, thinking excluded)
 * @param doneReason            why the model stopped, as Ollama said it: {@code stop}, {@code length} (hit
 *                              {@code num_predict}), or null if not reported
 * @param promptEvalCount       prompt tokens the model evaluated ({@code prompt_eval_count}), null if not reported;
 *                              may be lower than the prompt's size when Ollama reused its cache
 * @param evalCount             tokens generated ({@code eval_count}), null if not reported
 * @param numCtx                the context window requested ({@code num_ctx})
 * @param estimatedPromptTokens the prompt's size as estimated before sending (an upper bound)
 * @param promptTruncated       whether the prompt filled the whole context window, i.e. Ollama cut it to fit and the
 *                              model did not see all of it
 * @param firstToken            from the call to generate (queueing included) to the first answer token; null
 *                              when the answer is empty
 * @param total                 from the call to generate to the end
 */
public record Generated(String text, String doneReason, Integer promptEvalCount, Integer evalCount, int numCtx,
                        int estimatedPromptTokens, boolean promptTruncated, Duration firstToken, Duration total)
        implements GenerationOutcome {

    public Generated {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(total, "total");
        if (numCtx <= 0) {
            throw new IllegalArgumentException("numCtx must be positive, got " + numCtx);
        }
    }

    /** Whether the answer stopped at the output limit rather than where the model meant to end it. */
    public boolean cutShort() {
        return "length".equals(doneReason);
    }

    /** Problems the reader of this answer should be told about (empty when there are none). */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (promptTruncated) {
            warnings.add("The prompt filled the model's whole context window (num_ctx " + numCtx
                    + ", " + promptEvalCount + " tokens evaluated): some passages were cut before the model saw them.");
        }
        if (cutShort()) {
            warnings.add("The answer reached the output limit and may be incomplete.");
        }
        return List.copyOf(warnings);
    }
}
