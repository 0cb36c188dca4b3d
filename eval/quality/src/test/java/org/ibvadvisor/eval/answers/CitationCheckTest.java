package org.ibvadvisor.eval.answers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ibvadvisor.answer.Answer;
import org.ibvadvisor.answer.Citation;
import org.ibvadvisor.retrieval.Passage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CitationCheckTest {
    private static final String SOURCE = "前言。38% 的受访高管表示同意。其余内容在此。";
    private static final CitationCheck CHECK = new CitationCheck(Map.of("r", SOURCE));
    /** Passage [1] spans [3, 17) of the source: "38% 的受访高管表示同意。". */
    private static final Passage PASSAGE = new Passage("r#1", "r", "R", List.of("s"), SOURCE.substring(3, 17), 3, 17, 1, Map.of());

    private static Citation citation(int n, String passageId, String reportId, String quote, int start, int end) {
        return new Citation(n, passageId, reportId, "R", "s", quote, start, end);
    }

    static Stream<Arguments> citations() {
        return Stream.of(
                Arguments.of("the exact source text in its passage", citation(1, "r#1", "r", "38% 的受访高管", 3, 12), ""),
                Arguments.of("an unknown report", citation(1, "r#1", "x", "38% 的受访高管", 3, 12), "unknown report x"),
                Arguments.of("a span past the source's end", citation(1, "r#1", "r", "38%", 3, 99), "outside the source"),
                Arguments.of("a quote that is not the text at its span", citation(1, "r#1", "r", "38%的受访高管", 3, 12),
                        "quote is not the source text"),
                Arguments.of("a blank quote", citation(1, "r#1", "r", " ", 6, 7), "blank quote"),
                Arguments.of("a number with no passage", citation(2, "r#1", "r", "38% 的受访高管", 3, 12), "names no passage"),
                Arguments.of("another passage's id", citation(1, "r#2", "r", "38% 的受访高管", 3, 12), "is passage r#1, not r#2"),
                Arguments.of("a span outside its passage", citation(1, "r#1", "r", "其余内容在此。", 17, 24), "outside passage r#1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("citations")
    void a_citation_is_valid_only_when_it_quotes_the_source_within_the_passage_it_names(String name, Citation citation,
                                                                                         String problem) {
        List<String> problems = CHECK.problems(citation, List.of(PASSAGE));
        if (problem.isEmpty()) {
            assertEquals(List.of(), problems);
        } else {
            assertTrue(problems.stream().anyMatch(p -> p.contains(problem)), problems.toString());
        }
    }

    @Test
    void marks_without_citations_and_citations_without_marks_are_problems() {
        Citation one = citation(1, "r#1", "r", "38% 的受访高管", 3, 12);
        Answer answer = new Answer.Extractive(null, null, "- 38% 的受访高管 [1]\n- 另一句 [3]",
                List.of(one, citation(2, "r#1", "r", "38%", 3, 6)), List.of(), new Answer.Timings(1, 1, 1));

        assertEquals(List.of("mark [3] has no citation", "citation [2] is not marked in the text"),
                CitationCheck.markProblems(answer));
    }
}
