package org.ibvadvisor.answer.decide;

import org.ibvadvisor.retrieval.Retrieval;

/**
 * The default {@link Decider}: answers when retrieval's confidence reaches the threshold (tuned in eval) and a
 * passage was found, from the best {@code maxPassages}; otherwise refuses, citing the best {@code maxNearest}.
 */
public final class ConfidenceDecider implements Decider {

    private final double threshold;
    private final int maxPassages;
    private final int maxNearest;

    public ConfidenceDecider(double threshold, int maxPassages, int maxNearest) {
        if (!(threshold >= 0 && threshold <= 1) || maxPassages < 1 || maxNearest < 0) {
            throw new IllegalArgumentException("need threshold in [0, 1], maxPassages >= 1, maxNearest >= 0; got "
                    + threshold + ", " + maxPassages + ", " + maxNearest);
        }
        this.threshold = threshold;
        this.maxPassages = maxPassages;
        this.maxNearest = maxNearest;
    }

    @Override
    public Decision decide(Retrieval retrieval) {
        var passages = retrieval.passages();
        if (passages.isEmpty() || retrieval.confidence() < threshold) {
            return new Decision.Uncovered(passages.subList(0, Math.min(maxNearest, passages.size())),
                    retrieval.confidence());
        }
        return new Decision.Answerable(passages.subList(0, Math.min(maxPassages, passages.size())));
    }

    public double threshold() {
        return threshold;
    }
}
