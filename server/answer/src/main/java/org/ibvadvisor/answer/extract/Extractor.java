package org.ibvadvisor.answer.extract;

import java.util.List;
import org.ibvadvisor.retrieval.Passage;

/** The extractive stage: picks the sentences of passages that best answer a query. Implementations are thread-safe. */
public interface Extractor {

    /**
     * At most {@code max} sentences of {@code passages} (numbered 1..n in the order given) that best answer
     * {@code query}, best first, none repeating another; empty when the passages hold no usable sentence.
     */
    List<Finding> extract(String query, List<Passage> passages, int max);
}
