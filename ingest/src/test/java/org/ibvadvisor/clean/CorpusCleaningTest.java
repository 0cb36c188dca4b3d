package org.ibvadvisor.clean;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The cleaner over each whole report of the bundled corpus. */
class CorpusCleaningTest {
    /** A footnote number left after sentence-final punctuation: "。7 " or "。8" at the end, not "。71%" or "。5 个". */
    private static final Pattern FOOTNOTE_LEFT = Pattern.compile("[。！？；]\\d{1,3}(\\s+[^\\d个名位家项年月日号倍种次亿万千百元美岁人%]|$)");
    private static final Pattern MARKUP_LEFT = Pattern.compile("[¹²³⁴⁵⁶⁷⁸⁹⁰*]|</?sup>|\\]\\(");

    private final Cleaner cleaner = new PdfTextCleaner();

    static Stream<Path> reports() {
        return CorpusReports.files().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void every_cleaned_char_maps_back_to_the_report(Path report) {
        CleanInvariants.assertMapsBackToSource(cleaner.clean(CorpusReports.read(report)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void no_footnote_mark_or_markup_is_left_in_the_cleaned_text(Path report) {
        for (Block block : cleaner.clean(CorpusReports.read(report)).blocks()) {
            assertTrue(FOOTNOTE_LEFT.matcher(block.text()).results().findAny().isEmpty(), () -> "footnote left in: " + block.text());
            assertTrue(MARKUP_LEFT.matcher(block.text()).results().findAny().isEmpty(), () -> "markup left in: " + block.text());
        }
    }

    static Stream<Arguments> knownHeadings() {
        return Stream.of(
                Arguments.of("000", List.of("H3 新的合作规则", "H3 案例分析：银行业的重大生态投资决策：场景金融", "H3 混合设计和生态系统")),
                Arguments.of("001", List.of("H1 序言", "H1 第一部分 AI 赋能的 人才", "H2 第 4 章 平台、数据和治理 + 生成式 AI",
                        "H2 第 12 章 可持续发展 + 生成式 AI", "H3 需要采取的行动", "H1 注释与来源")),
                Arguments.of("002", List.of("H3 劳埃德银行集团利用大语言模型改善客户服务", "H3 风险与治理", "H3 数据与平台", "H1 备注和参考资料")),
                Arguments.of("003", List.of("H1 筑就可信 AI 基石", "H2 打造灵活 AI 基础设施的四大核心要素", "H3 安全与完整性", "H1 行动指南")),
                Arguments.of("004", List.of("H3 催化计算成本", "H3 1. 扩展 + 生成式 AI", "H3 需要采取的行动 →")));
    }

    @ParameterizedTest(name = "report {0}")
    @MethodSource("knownHeadings")
    void finds_the_headings_of_each_report(String prefix, List<String> expected) {
        Path report = CorpusReports.files().stream().filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        List<String> headings = PdfTextCleanerTest.render(cleaner.clean(CorpusReports.read(report))).stream()
                .filter(b -> b.startsWith("H")).toList();
        for (String heading : expected) {
            assertTrue(headings.contains(heading), () -> heading + " not among " + headings);
        }
    }
}
