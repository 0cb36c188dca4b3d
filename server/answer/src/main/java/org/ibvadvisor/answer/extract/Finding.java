package org.ibvadvisor.answer.extract;

import java.util.Objects;
import org.ibvadvisor.retrieval.Passage;

/**
 * A sentence of a passage picked to answer a question.
 *
 * @param n        the passage's number ([n]) among those answered from
 * @param passage  the passage
 * @param start    the sentence's start in {@code passage.text()}
 * @param end      its end (exclusive)
 * @param readable the sentence with its wrapped lines joined, for display
 * @param score    how well it answers the question (higher is better; comparable within one extraction only)
 */
public record Finding(int n, Passage passage, int start, int end, String readable, double score) {
    public Finding {
        Objects.requireNonNull(passage, "passage");
        Objects.requireNonNull(readable, "readable");
        if (n < 1 || start < 0 || end <= start || end > passage.text().length()) {
            throw new IllegalArgumentException("bad finding [" + n + "] span [" + start + ", " + end + ") in passage "
                    + passage.id() + " of length " + passage.text().length());
        }
    }

    /** The sentence exactly as in the report source. */
    public String quote() {
        return passage.text().substring(start, end);
    }

    /** Start of the sentence in the report source. */
    public int sourceStart() {
        return passage.start() + start;
    }

    /** End of the sentence in the report source (exclusive). */
    public int sourceEnd() {
        return passage.start() + end;
    }
}
