package org.ibvadvisor.answer.pipeline;

import java.time.Duration;
import java.util.Objects;
import org.ibvadvisor.retrieval.RetrievalRequest;

/**
 * How the answer pipeline is tuned. Read once at the edge and passed in.
 *
 * @param retrieveK           passages asked of retrieval
 * @param maxPassages         passages an answer is written from (and numbered [1]..[n] in the prompt)
 * @param refusalThreshold    retrieval confidence below which the pipeline refuses (tuned in eval)
 * @param nearestFindings     findings cited by a refusal
 * @param extractiveSentences sentences in an extractive answer
 * @param maxPassageChars     longest passage text put in the prompt
 * @param condenseWithLlm     whether follow-ups are condensed by the LLM (falling back on carried-over terms)
 * @param condenseTimeout     how long the LLM may take to condense a follow-up
 */
public record AnswerSettings(int retrieveK, int maxPassages, double refusalThreshold, int nearestFindings,
                             int extractiveSentences, int maxPassageChars, boolean condenseWithLlm,
                             Duration condenseTimeout) {

    /** The threshold tuned with the retriever's confidence on the eval dev split (one source of truth). */
    public static final double DEFAULT_REFUSAL_THRESHOLD = org.ibvadvisor.retrieval.RetrievalSettings.REFUSAL_THRESHOLD;

    public AnswerSettings {
        if (retrieveK < 1 || retrieveK > RetrievalRequest.MAX_K) {
            throw new IllegalArgumentException("retrieveK must be within [1, " + RetrievalRequest.MAX_K + "], got " + retrieveK);
        }
        if (maxPassages < 1 || maxPassages > retrieveK) {
            throw new IllegalArgumentException("maxPassages must be within [1, retrieveK=" + retrieveK + "], got " + maxPassages);
        }
        if (!(refusalThreshold >= 0 && refusalThreshold <= 1)) {
            throw new IllegalArgumentException("refusalThreshold must be within [0, 1], got " + refusalThreshold);
        }
        if (nearestFindings < 0 || extractiveSentences < 1 || maxPassageChars < 50) {
            throw new IllegalArgumentException("need nearestFindings >= 0, extractiveSentences >= 1, maxPassageChars >= 50;"
                    + " got " + nearestFindings + ", " + extractiveSentences + ", " + maxPassageChars);
        }
        Objects.requireNonNull(condenseTimeout, "condenseTimeout");
        if (condenseTimeout.isNegative() || condenseTimeout.isZero()) {
            throw new IllegalArgumentException("condenseTimeout must be positive, got " + condenseTimeout);
        }
    }

    /** 10 retrieved, 5 in the prompt (1,200 characters each), 3 findings in a refusal, 5 in an extractive answer. */
    public static AnswerSettings defaults() {
        return new AnswerSettings(10, 5, DEFAULT_REFUSAL_THRESHOLD, 3, 5, 1200, true, Duration.ofSeconds(10));
    }

    public AnswerSettings withCondensing(boolean withLlm, Duration timeout) {
        return new AnswerSettings(retrieveK, maxPassages, refusalThreshold, nearestFindings, extractiveSentences,
                maxPassageChars, withLlm, timeout);
    }
}
