package org.ibvadvisor.eval.run;

import java.util.Objects;
import java.util.function.Predicate;
import org.ibvadvisor.retrieval.Passage;

/**
 * A query with its relevance judgement.
 *
 * @param id            question id
 * @param type          question type (the key of per-type means)
 * @param query         what is asked
 * @param relevant      whether a returned passage answers it
 * @param totalRelevant how many distinct relevant passages the index holds (0 when nothing answers it)
 * @param answerable    whether the corpus answers it (false for the unanswerable questions)
 */
public record EvalCase(String id, String type, String query, Predicate<Passage> relevant, int totalRelevant,
                       boolean answerable) {
    public EvalCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(relevant, "relevant");
        if (totalRelevant < 0) throw new IllegalArgumentException("case " + id + ": totalRelevant " + totalRelevant + " < 0");
    }
}
