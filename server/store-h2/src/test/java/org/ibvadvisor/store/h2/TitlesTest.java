package org.ibvadvisor.store.h2;

import org.ibvadvisor.conversation.*;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TitlesTest {

    @ParameterizedTest(name = "[{index}] {0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            'AI 投资回报如何？'                                         | 200 | 'AI 投资回报如何？'
            '  two\tlines\r\nof   text  '                           | 200 | 'two lines of text'
            'a\u001bb\u0007c'                                       | 200 | 'a b c'
            '生成式人工智能在企业中的应用现状如何，以及首席执行官们计划在未来三年内如何调整投资和人才战略？' | 200 | '生成式人工智能在企业中的应用现状如何，以及首席执行官们计划在未来三年内如何调整投…'
            'What share of CEOs say their organisation is ready for generative AI?' | 200 | 'What share of CEOs say their organisatio…'
            'What share of CEOs say'                                | 10  | 'What shar…'
            '😀😀😀😀😀😀'                                             | 6   | '😀😀…'
            '😀😀😀'                                                 | 5   | '😀😀…'
            '   '                                                   | 200 | ''
            """)
    void a_default_title_is_the_questions_beginning_on_one_line(String question, int maxChars, String expected) {
        assertEquals(expected, Titles.fromQuestion(question, maxChars));
    }
}
