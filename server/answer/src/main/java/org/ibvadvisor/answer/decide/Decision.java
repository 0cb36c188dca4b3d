package org.ibvadvisor.answer.decide;

import java.util.List;
import org.ibvadvisor.retrieval.Passage;

/** What to do with a question after retrieval. */
public sealed interface Decision {

    /** The passages the answer will be written from and cite as [1]..[n], in this order. */
    List<Passage> passages();

    /** The reports cover the question: answer from these passages (at least one). */
    record Answerable(List<Passage> passages) implements Decision {
        public Answerable {
            passages = List.copyOf(passages);
            if (passages.isEmpty()) {
                throw new IllegalArgumentException("an answerable question needs at least one passage");
            }
        }
    }

    /**
     * The reports do not cover the question: refuse, citing the nearest findings of these passages (may be empty).
     *
     * @param confidence retrieval's confidence, which fell below the threshold
     */
    record Uncovered(List<Passage> passages, double confidence) implements Decision {
        public Uncovered {
            passages = List.copyOf(passages);
        }
    }
}
