package org.ibvadvisor.answer.decide;

import org.ibvadvisor.retrieval.Retrieval;

/** The decide stage: answer from the retrieved passages, or say the reports do not cover the question. Thread-safe. */
public interface Decider {

    Decision decide(Retrieval retrieval);
}
