package org.ibvadvisor.answer.check;

import java.util.List;
import java.util.Set;
import org.ibvadvisor.answer.Citation;

/**
 * An answer after the checks.
 *
 * @param text       the answer with its citation marks rewritten as {@code [n]}, invalid ones removed
 * @param citations  one per passage the text cites, in order of n
 * @param warnings   for the reader, in the question's language (empty when all is well)
 * @param unverified the figures of the text that no passage they cite states (nor the question)
 * @param dropped    the numbers of marks that pointed to no passage, removed from the text
 */
public record CheckedAnswer(String text, List<Citation> citations, List<String> warnings, List<Figure> unverified,
                            Set<Integer> dropped) {
    public CheckedAnswer {
        citations = List.copyOf(citations);
        warnings = List.copyOf(warnings);
        unverified = List.copyOf(unverified);
        dropped = Set.copyOf(dropped);
    }
}
