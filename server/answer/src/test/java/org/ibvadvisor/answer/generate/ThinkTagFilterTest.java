package org.ibvadvisor.answer.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThinkTagFilterTest {

    /** Pieces as they arrive are separated by '|'; "\n" stands for a newline. */
    @ParameterizedTest(name = "{0} -> \"{1}\"")
    @CsvSource(delimiterString = "=>", quoteCharacter = '\'', textBlock = """
            答案|是 42                                  => 答案是 42
            <think>推理</think>答案                      => 答案
            <thi|nk>推理…|…</th|ink>|\\n\\n|答案|。         => 答案。
            \\n<think>x</think>\\n|正文                => 正文
            <th|e answer>                              => <the answer>
            <                                          => <
            a <think> b                                => a <think> b
            <think>never closed|…                      => ''
            """)
    void drops_an_inline_reasoning_block_at_the_start_only(String pieces, String expected) {
        ThinkTagFilter filter = new ThinkTagFilter();
        StringBuilder out = new StringBuilder();
        Arrays.stream(pieces.split("\\|")).map(p -> p.replace("\\n", "\n")).forEach(p -> out.append(filter.accept(p)));
        out.append(filter.finish());
        assertEquals(expected, out.toString());
    }
}
