package org.ibvadvisor.answer.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FiguresTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "有 40% 的收入          | 40%        | 40      | PERCENT",
            "有 40 % 的收入         | 40 %       | 40      | PERCENT",
            "有 40％ 的收入         | 40％       | 40      | PERCENT",
            "百分之四十的收入        | 百分之四十  | 40      | PERCENT",
            "百分之三十五点五        | 百分之三十五点五 | 35.5 | PERCENT",
            "共 1,110 名高管        | 1,110      | 1110    | NUMBER",
            "共 1110 名高管         | 1110       | 1110    | NUMBER",
            "提高 2.5 倍            | 2.5 倍     | 2.5     | TIMES",
            "grew 2.5 times         | 2.5 times  | 2.5     | TIMES",
            "a 10x gain             | 10x        | 10      | TIMES",
            "到 2026 年             | 2026       | 2026    | NUMBER",
            "规模达 1.2 亿美元       | 1.2 亿     | 120000000 | NUMBER",
            "worth 120 million      | 120 million | 120000000 | NUMBER",
            "up 12 percent          | 12 percent | 12      | PERCENT",
            "提升 5 个百分点         | 5 个百分点  | 5       | PERCENT",
    })
    void a_figure_is_read_with_its_value_and_kind(String text, String surface, String value, Figure.Kind kind) {
        List<Figure> figures = Figures.in(text);
        assertEquals(1, figures.size(), () -> "figures in '" + text + "': " + figures);
        Figure figure = figures.getFirst();
        assertEquals(surface, figure.surface());
        assertEquals(0, new BigDecimal(value).compareTo(figure.value()), () -> "value " + figure.value());
        assertEquals(kind, figure.kind());
        assertEquals(surface, text.substring(figure.start(), figure.end()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"GPT-4 模型", "qwen2.5 和 5G 网络", "Q3 季度", "G2000 企业"})
    void numbers_that_are_part_of_a_name_are_not_figures(String text) {
        assertEquals(List.of(), Figures.in(text));
    }

    @Test
    void forms_of_one_figure_state_each_other_and_a_plain_number_is_backed_by_a_percentage_but_not_the_reverse() {
        Figure percent = Figures.in("40%").getFirst();
        Figure chinese = Figures.in("百分之四十").getFirst();
        Figure plain = Figures.in("40 家").getFirst();
        assertTrue(percent.statedBy(chinese));
        assertTrue(plain.statedBy(percent));
        assertFalse(percent.statedBy(plain));
        assertFalse(Figures.in("2.5 倍").getFirst().statedBy(Figures.in("2.5%").getFirst()));
    }

    @Test
    void small_whole_numbers_are_not_checked_but_decimals_percentages_and_years_are() {
        assertFalse(Figures.in("3 个方面").getFirst().checkable());
        assertTrue(Figures.in("3%").getFirst().checkable());
        assertTrue(Figures.in("2.5").getFirst().checkable());
        assertTrue(Figures.in("2025 年").getFirst().checkable());
    }
}
