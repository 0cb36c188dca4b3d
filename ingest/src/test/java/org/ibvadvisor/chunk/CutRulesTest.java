package org.ibvadvisor.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CutRulesTest {

    /** The text is cut where '|' stands; the rest of the text is from the reports. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "超过 1,|110 名高管;                false",
            "超过 1|,110 名高管;                false",
            "增长了 2.|5 倍;                    false",
            "增长了 2|.5 倍;                    false",
            "有 40|% 将来自;                    false",
            "到 2023| 年;                       false",
            "到 2023 |年;                       false",
            "到 202|3 年;                       false",
            "近 6,000 位|CEO;                   true",
            "生成式 A|I;                        false",
            "Business |Value;                   true",
            "体验。|我们是否;                   true",
            "高出 24%。|保持与时俱进;           true",
            "而 74% 的受访高管|表示;            true"})
    void never_cuts_inside_a_number_or_a_word(String marked, boolean safe) {
        int at = marked.indexOf('|');
        String text = marked.substring(0, at) + marked.substring(at + 1);

        assertEquals(safe, CutRules.isSafe(text, at));
    }
}
