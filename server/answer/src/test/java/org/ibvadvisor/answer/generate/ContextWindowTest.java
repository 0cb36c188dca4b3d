package org.ibvadvisor.answer.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContextWindowTest {

    @ParameterizedTest(name = "\"{0}\" is about {1} tokens")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            ''                         | 0
            生成式人工智能                | 7
            投资回报率为 13%             | 9
            the                        | 1
            generative AI              | 5
            'a, b.'                    | 4
            2025年                      | 5
            '第一行\\n第二行'              | 7
            """)
    void estimates_tokens_from_characters(String text, int expected) {
        assertEquals(expected, ContextWindow.estimateTokens(text.replace("\\n", "\n")));
    }

    @ParameterizedTest(name = "{0} prompt tokens + {1} answer in [{2}, {3}] -> num_ctx {4}")
    @CsvSource(textBlock = """
            100,   1024, 4096, 16384, 4096
            3072,  1024, 4096, 16384, 4096
            3073,  1024, 4096, 16384, 8192
            7000,  1024, 4096, 16384, 8192
            9000,  1024, 4096, 16384, 16384
            40000, 1024, 4096, 16384, 16384
            5000,  1024, 3000, 20000, 12000
            4000,  1024, 3000, 20000, 6000
            30000, 1024, 3000, 20000, 20000
            """)
    void sizes_the_window_by_doubling_the_minimum_up_to_the_maximum(int prompt, int answer, int min, int max,
                                                                    int expected) {
        assertEquals(expected, ContextWindow.numCtx(prompt, answer, min, max));
    }

    @ParameterizedTest(name = "prompt_eval_count {0} in num_ctx {1}: truncated = {2}")
    @CsvSource(textBlock = """
            4096, 4096, true
            4070, 4096, true
            4000, 4096, false
            16384, 16384, true
            16250, 16384, true
            16200, 16384, false
            16000, 16384, false
            12, 8192, false
            ,    8192, false
            """)
    void a_prompt_that_fills_the_window_counts_as_truncated(Integer promptEvalCount, int numCtx, boolean expected) {
        assertEquals(expected, ContextWindow.truncated(promptEvalCount, numCtx));
    }

    @ParameterizedTest(name = "a {0}-character Chinese text is estimated at least at its length")
    @CsvSource({"1", "100", "5000"})
    void chinese_is_estimated_at_one_token_per_character_or_more(int length) {
        assertTrue(ContextWindow.estimateTokens("数".repeat(length)) >= length);
    }

    @org.junit.jupiter.api.Test
    void an_impossible_window_request_names_the_bad_values() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ContextWindow.numCtx(10, 10, 8192, 4096));
        assertTrue(e.getMessage().contains("min 8192, max 4096"), e.getMessage());
    }
}
