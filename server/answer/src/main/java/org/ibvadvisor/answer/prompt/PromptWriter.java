package org.ibvadvisor.answer.prompt;

import java.util.List;
import org.ibvadvisor.answer.Question;
import org.ibvadvisor.answer.generate.Prompt;
import org.ibvadvisor.retrieval.Passage;

/** The prompt stage: what the model is asked. Implementations are stateless and thread-safe. */
public interface PromptWriter {

    /**
     * The prompt for answering {@code question} from {@code passages}, numbered {@code [1]..[n]} in the order given.
     *
     * @param question the question as asked (its text, in its language)
     * @param query    the standalone form of the question (equal to it unless a follow-up was condensed)
     * @param passages the passages to answer from, at least one
     */
    Prompt write(Question question, String query, List<Passage> passages);
}
