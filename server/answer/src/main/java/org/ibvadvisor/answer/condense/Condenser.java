package org.ibvadvisor.answer.condense;

import java.util.List;
import org.ibvadvisor.answer.Question;
import org.ibvadvisor.answer.Turn;

/** The condense stage. Implementations are thread-safe and never fail: at worst they return the question. */
public interface Condenser {

    /**
     * A query that can be retrieved without the conversation: the text of {@code question} itself when it stands alone or
     * {@code history} (oldest first) is empty, else the question completed from the turns before it.
     */
    String condense(Question question, List<Turn> history);
}
