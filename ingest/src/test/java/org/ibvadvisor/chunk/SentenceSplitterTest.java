package org.ibvadvisor.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Sentence splitting of cleaned text from the reports (file:line). */
class SentenceSplitterTest {

    static Stream<Arguments> sentences() {
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
    @MethodSource("sentences")
    void splits_at_sentence_ends(String name, String text, List<String> expected) {
        List<String> actual = SentenceSplitter.sentences(text, 1000).stream().map(s -> text.substring(s.start(), s.end())).toList();

        assertEquals(expected, actual);
    }

    @ParameterizedTest(name = "max {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {12, 20, 33, 50})
    void cuts_a_long_sentence_at_clause_marks_and_never_inside_a_number(int max) {
        // 003:369, one sentence of 150 chars
        String text = "IBM 商业价值研究院 (IBV) 于 2025 年第二季度开展了一项全球综合性调研，调研对象为 1200 名直接负责或主导 AI 基础设施战略规划与投资决策的高管，"
                + "覆盖 20 个国家/地区、24 个行业，年收入规模从 2.5 亿美元至 200 亿美元以上不等。";

        List<SentenceSplitter.Span> parts = SentenceSplitter.sentences(text, max);

        for (SentenceSplitter.Span part : parts) {
            assertTrue(part.length() <= max, () -> "part longer than " + max + ": " + text.substring(part.start(), part.end()));
            assertTrue(CutRules.isSafe(text, part.start()) && CutRules.isSafe(text, part.end()),
                    () -> "unsafe cut around " + text.substring(part.start(), part.end()));
        }
        assertEquals(text.replace(" ", ""), String.join("", parts.stream().map(p -> text.substring(p.start(), p.end())).toList()).replace(" ", ""));
    }
}
