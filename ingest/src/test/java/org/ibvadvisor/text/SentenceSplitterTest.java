package org.ibvadvisor.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each stage's sentence splitting, on text from the reports (file:line). */
class SentenceSplitterTest {

    static Stream<Arguments> cleanText() {
        return Stream.of(
                Arguments.of("000:2-3 at 。 and ？",
                        "我们是否正在见证模拟时代的终结？看起来是的。确实，我们仍然需要睡眠、食物和氧气。",
                        List.of("我们是否正在见证模拟时代的终结？", "看起来是的。", "确实，我们仍然需要睡眠、食物和氧气。")),
                Arguments.of("000:172 not inside a quotation; the closing quote stays with its sentence",
                        "“我们不想什么都采用自建的方式。我们希望利用技术合作伙伴的 AI 能力。” Mark Breslin 如是说。",
                        List.of("“我们不想什么都采用自建的方式。我们希望利用技术合作伙伴的 AI 能力。”", "Mark Breslin 如是说。")),
                Arguments.of("003:63 not inside a corner-bracket quotation, after it when it ends a sentence",
                        "他说「AI 要成功，先定向，后行事。基础设施，只是赋能工具。」然后离开。",
                        List.of("他说「AI 要成功，先定向，后行事。基础设施，只是赋能工具。」", "然后离开。")),
                Arguments.of("001:294 not at a sentence end inside a quotation that goes on",
                        "“生成式 AI 不会取代人类工作者，而是会增强人类工作者。移动设备则是副驾驶或助手”，他说。",
                        List.of("“生成式 AI 不会取代人类工作者，而是会增强人类工作者。移动设备则是副驾驶或助手”，他说。")),
                Arguments.of("003:71 at ； and at Latin ; ! ?",
                        "83% 的高管表示，有效治理是 AI 基础设施的成功根基；但仅 8% 落实风险管理。Really? Yes! Fine; done",
                        List.of("83% 的高管表示，有效治理是 AI 基础设施的成功根基；", "但仅 8% 落实风险管理。", "Really?", "Yes!", "Fine;", "done")),
                Arguments.of("001:1217 not at a decimal point",
                        "达到四个月前的 3.4 倍。对于 CEO 来说，这是一个信号。",
                        List.of("达到四个月前的 3.4 倍。", "对于 CEO 来说，这是一个信号。")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cleanText")
    void clean_text_splits_at_sentence_ends(String name, String text, List<String> expected) {
        assertEquals(expected, SentenceSplitter.CLEAN_TEXT.texts(text));
    }

    static Stream<Arguments> reportSource() {
        return Stream.of(
                Arguments.of("到 2026 年，有 40% 将来自\n数字产品、服务和体验。1 我们是否正在见证模拟时代的\n终结？看起来是的。",
                        List.of("到 2026 年，有 40% 将来自\n数字产品、服务和体验。1", "我们是否正在见证模拟时代的\n终结？", "看起来是的。")),
                Arguments.of("他说：“我们认为有两个维度。”然后离开。",
                        List.of("他说：“我们认为有两个维度。”", "然后离开。")),
                Arguments.of("增长 2.5 倍。Costs fell 3.5 percent. Then U.S. firms rose!",
                        List.of("增长 2.5 倍。", "Costs fell 3.5 percent.", "Then U.S. firms rose!")),
                Arguments.of("打造超级\n生态\n\n混合设计开启强力\n生态引擎",
                        List.of("打造超级\n生态", "混合设计开启强力\n生态引擎")),
                Arguments.of("2026 年。2027 年", List.of("2026 年。", "2027 年")));
    }

    @ParameterizedTest
    @MethodSource("reportSource")
    void source_text_splits_at_terminators_and_blank_lines_but_not_at_wrapped_lines(String text, List<String> expected) {
        assertEquals(expected, SentenceSplitter.REPORT_SOURCE.split(text).stream().map(s -> s.in(text)).toList());
    }

    @Test
    void in_an_answer_every_line_is_its_own_sentence_and_a_full_stop_before_a_mark_ends_one() {
        String answer = "要点如下：\n- 40% 的收入来自数字产品 [1]\n- 成本下降.[2] Next point.";
        assertEquals(List.of("要点如下：", "- 40% 的收入来自数字产品 [1]", "- 成本下降.", "[2] Next point."),
                SentenceSplitter.ANSWER.split(answer).stream().map(s -> s.in(answer)).toList());
    }
}
