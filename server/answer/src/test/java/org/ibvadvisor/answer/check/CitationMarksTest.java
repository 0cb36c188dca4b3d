package org.ibvadvisor.answer.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CitationMarksTest {

    /** Three passages: [1]..[3] are valid. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "收入占 40% [1]。          | 收入占 40% [1]。",
            "收入占 40% [1,2]。        | 收入占 40% [1][2]。",
            "收入占 40% [1, 2]。       | 收入占 40% [1][2]。",
            "收入占 40% [1][2]。       | 收入占 40% [1][2]。",
            "收入占 40% [1] [2]。      | 收入占 40% [1][2]。",
            "收入占 40%【1】。         | 收入占 40%[1]。",
            "收入占 40%［2］。         | 收入占 40%[2]。",
            "收入占 40% [1-3]。        | 收入占 40% [1][2][3]。",
            "收入占 40% [资料1]。      | 收入占 40% [1]。",
            "收入占 40% [^2]。         | 收入占 40% [2]。",
            "收入占 40% [1、3]。       | 收入占 40% [1][3]。",
            "收入占 40% [1][1]。       | 收入占 40% [1]。",
            "收入占 40% [7]。          | 收入占 40%。",
            "收入占 40% [2,7]。        | 收入占 40% [2]。",
            "收入占 40% [0] 以上。     | 收入占 40% 以上。",
            "see [link](http://x)     | see [link](http://x)",
    })
    void marks_are_rewritten_as_one_bracket_per_valid_number(String answer, String expected) {
        assertEquals(expected, CitationMarks.normalise(answer, 3).text());
    }

    @Test
    void the_marks_are_reported_with_their_spans_in_the_new_text_and_the_dropped_numbers() {
        CitationMarks.Marked marked = CitationMarks.normalise("A [1,9] B【3】C [12]", 3);
        assertEquals("A [1] B[3]C", marked.text());
        assertEquals(List.of(new CitationMarks.Mark(2, 5, List.of(1)), new CitationMarks.Mark(7, 10, List.of(3))),
                marked.marks());
        assertEquals(Set.of(9, 12), marked.dropped());
    }
}
