package org.ibvadvisor.answer.condense;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.ibvadvisor.answer.Question;
import org.ibvadvisor.answer.Turn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CarryOverCondenserTest {

    private final CarryOverCondenser condenser = new CarryOverCondenser();

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "到 2026 年，全球 2000 强企业的收入有多大比例会来自数字产品？ | 那 2025 年呢？ | 全球 2000 强企业的收入有多大比例会来自数字产品 那 2025 年呢？",
            "生成式 AI 的投资回报率是多少？ | 它的成本呢 | 生成式 AI 的投资回报率是 它的成本呢",
            "What share of executives expect to reconfigure partnerships? | why? | share executives expect reconfigure partnerships why?",
            "What share of executives expect to reconfigure partnerships in 2024? | And in 2025? | share executives expect reconfigure partnerships And in 2025?",
    })
    void a_follow_up_carries_the_previous_questions_content_words(String previous, String followUp, String expected) {
        List<Turn> history = List.of(Turn.user(previous, null), Turn.assistant("答案 [1]"));

        assertEquals(expected, condenser.condense(asked(followUp), history));
    }

    @Test
    void the_previous_questions_standalone_query_is_carried_so_that_follow_ups_chain() {
        List<Turn> history = List.of(
                Turn.user("生成式 AI 的投资回报率是多少？", null), Turn.assistant("13% [1]"),
                Turn.user("那 2025 年呢？", "生成式 AI 的投资回报率 2025 年"), Turn.assistant("…"));

        assertEquals("生成式 AI 的投资回报率 那 2026 年呢？",
                condenser.condense(asked("那 2026 年呢？"), history));
    }

    @Test
    void a_standalone_question_or_one_without_history_is_left_as_it_is() {
        String standalone = "生成式 AI 的投资回报率在企业中通常是多少？";
        assertEquals(standalone, condenser.condense(asked(standalone), List.of(Turn.user("别的问题是什么？", null))));
        assertEquals("为什么？", condenser.condense(asked("为什么？"), List.of()));
    }

    private static Question asked(String text) {
        return new Question(text, null, Set.of());
    }
}
