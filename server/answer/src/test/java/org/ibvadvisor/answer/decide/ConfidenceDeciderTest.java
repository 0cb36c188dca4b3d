package org.ibvadvisor.answer.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.ibvadvisor.answer.fakes.Corpus;
import org.ibvadvisor.retrieval.Passage;
import org.ibvadvisor.retrieval.Retrieval;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfidenceDeciderTest {

    private static final List<Passage> TEN = Corpus.bundled().passages().subList(0, 10);

    @ParameterizedTest(name = "confidence {0}, {1} passages -> {2} citing {3}")
    @CsvSource({
            "0.80, 10, Answerable, 5",
            "0.30, 10, Answerable, 5",
            "0.29, 10, Uncovered, 3",
            "0.80, 2, Answerable, 2",
            "0.80, 0, Uncovered, 0",
            "0.10, 1, Uncovered, 1",
    })
    void answers_from_the_best_passages_at_or_above_the_threshold_and_refuses_below(double confidence, int found,
                                                                                  String expected, int cited) {
        ConfidenceDecider decider = new ConfidenceDecider(0.3, 5, 3);
        Retrieval retrieval = new Retrieval("q", TEN.subList(0, found), confidence, new Retrieval.Timings(0, 0, 0));

        Decision decision = decider.decide(retrieval);

        assertEquals(expected, decision.getClass().getSimpleName());
        assertEquals(TEN.subList(0, cited), decision.passages());
        if (decision instanceof Decision.Uncovered uncovered) {
            assertEquals(confidence, uncovered.confidence());
        }
    }

    @ParameterizedTest
    @CsvSource({"-0.1, 5, 3", "1.1, 5, 3", "0.3, 0, 3", "0.3, 5, -1", "NaN, 5, 3"})
    void bad_settings_are_refused(double threshold, int maxPassages, int maxNearest) {
        assertInstanceOf(IllegalArgumentException.class, org.junit.jupiter.api.Assertions.assertThrows(
                RuntimeException.class, () -> new ConfidenceDecider(threshold, maxPassages, maxNearest)));
    }
}
