package org.ibvadvisor.answer.check;

import java.util.List;
import org.ibvadvisor.answer.Question;
import org.ibvadvisor.retrieval.Passage;

/** The check stage, after generation. Implementations are stateless and thread-safe. */
public interface Checker {

    /**
     * Checks {@code answer}, written from {@code passages} (numbered 1..n in that order) to answer {@code question}:
     * the returned text keeps only marks that point to a passage; the citations are the passages it cites, in order
     * of n; the warnings (in the question's language) name the figures no cited passage states.
     */
    CheckedAnswer check(String answer, List<Passage> passages, Question question);
}
