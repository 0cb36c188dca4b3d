package org.ibvadvisor.answer.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "到 2026 年，全球 2000 强企业的收入有多大比例来自数字产品？ | ZH",
            "GenAI 的 ROI 是多少？                                 | ZH",
            "SLA + OKR 怎么用？                                    | ZH",
            "那 2025 年呢？                                        | ZH",
            "What share of executives say their CEOs push GenAI?  | EN",
            "What does 混合设计 mean for CIOs?                      | EN",
            "why?                                                  | EN",
            "What is 超级生态系统的核心?                             | ZH",
            "2025?                                                 | ZH",
    })
    void the_language_follows_the_share_of_chinese_characters(String question, Language expected) {
        assertEquals(expected, Language.of(question));
    }
}
