package org.ibvadvisor.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ibvadvisor.text.Sentence;
import org.ibvadvisor.text.SentenceSplitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sentences cut to what a chunk holds. */
class BoundedSentencesTest {

    @Test
    void sentences_shorter_than_the_bound_are_the_clean_text_sentences() {
        String text = "83% 的高管表示，有效治理是 AI 基础设施的成功根基；但仅 8% 落实风险管理。Really? Yes! Fine; done";
        assertEquals(SentenceSplitter.CLEAN_TEXT.split(text), BoundedSentences.of(text, 1000));
    }

    @ParameterizedTest(name = "max {0}")
    @ValueSource(ints = {12, 20, 33, 50})
    void cuts_a_long_sentence_at_clause_marks_and_never_inside_a_number(int max) {
        // 003:369, one sentence of 150 chars
        String text = "IBM 商业价值研究院 (IBV) 于 2025 年第二季度开展了一项全球综合性调研，调研对象为 1200 名直接负责或主导 AI 基础设施战略规划与投资决策的高管，"
                + "覆盖 20 个国家/地区、24 个行业，年收入规模从 2.5 亿美元至 200 亿美元以上不等。";

        List<Sentence> parts = BoundedSentences.of(text, max);

        for (Sentence part : parts) {
            assertTrue(part.length() <= max, () -> "part longer than " + max + ": " + text.substring(part.start(), part.end()));
            assertTrue(CutRules.isSafe(text, part.start()) && CutRules.isSafe(text, part.end()),
                    () -> "unsafe cut around " + text.substring(part.start(), part.end()));
        }
        assertEquals(text.replace(" ", ""), String.join("", parts.stream().map(p -> text.substring(p.start(), p.end())).toList()).replace(" ", ""));
    }
}
