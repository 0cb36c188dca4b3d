package org.ibvadvisor.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.ibvadvisor.clean.CleanDocument;
import org.ibvadvisor.clean.PdfTextCleaner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chunker on snippets copied from the reports (file:line in each case name), cleaned by the real cleaner.
 * Each case gives the expected chunks as "section path ⟶ clean text"; every case also keeps {@link ChunkInvariants}.
 */
class StructureChunkerTest {
    private static final ChunkerOptions DEFAULTS = ChunkerOptions.defaults();

    static Stream<Arguments> chunkings() {
        return Stream.of(
                Arguments.of("003:38-43 headings open the first chunk of their section and name its trail", DEFAULTS,
                        lines("# 引言", "", "## 打造坚实 AI 引擎", "", " ", "AI 已在董事会议程中成为战略焦点，却未能带来匹配的商业成效。"),
                        List.of("引言 > 打造坚实 AI 引擎 ⟶ 引言\n打造坚实 AI 引擎\nAI 已在董事会议程中成为战略焦点，却未能带来匹配的商业成效。")),
                Arguments.of("000:83-101 sections big enough stay apart", DEFAULTS,
                        lines("混合设计方法可以有效应对这些挑战。这种方法旨在有", "意识地设计和整合不同的要素和关系，从而打造一个“整",
                                "体大于部分之和”的系统。例如，这可能需要整合不同", "的业务模式，例如订阅方式和按用量付费，并创造更加",
                                "多样性和更具弹性的收入来源。", "", "总体而言，混合设计的生态系统方法有助于创建一个更",
                                "具弹性、创新性和适应性的系统，从而更有效地应对现", "代世界的复杂性和挑战。", "", "新的合作规则", "",
                                "在当今的新时代，组织必须具备一系列不同以往的独特", "技能和能力，才能适应不断变化的趋势。如今，组织还",
                                "需要深入理解数字技术及其应用，同时具备强大的合作", "伙伴关系建设能力。组织需要能够驾驭复杂的合作工作，",
                                "并利用数据和分析来为产品开发和重塑客户合作等各项", "工作赋能。"),
                        List.of(" ⟶ 混合设计方法可以有效应对这些挑战。这种方法旨在有意识地设计和整合不同的要素和关系，从而打造一个“整体大于部分之和”的系统。"
                                        + "例如，这可能需要整合不同的业务模式，例如订阅方式和按用量付费，并创造更加多样性和更具弹性的收入来源。\n"
                                        + "总体而言，混合设计的生态系统方法有助于创建一个更具弹性、创新性和适应性的系统，从而更有效地应对现代世界的复杂性和挑战。",
                                "新的合作规则 ⟶ 新的合作规则\n在当今的新时代，组织必须具备一系列不同以往的独特技能和能力，才能适应不断变化的趋势。"
                                        + "如今，组织还需要深入理解数字技术及其应用，同时具备强大的合作伙伴关系建设能力。"
                                        + "组织需要能够驾驭复杂的合作工作，并利用数据和分析来为产品开发和重塑客户合作等各项工作赋能。")),
                Arguments.of("001:230-244 tiny sections join the next and keep only the trail they share", DEFAULTS,
                        lines("第 1 章", "", "人才与技能 + 生成式 AI", "", "需要采取的行动", "", "明确生成式 AI 的应用以及所期望的收益。", "",
                                "3. 创造力", "", "需要了解的事项", "", "创造力是生成式 AI 的一项“必备”技能。", "", "", "", "需要采取的行动", "",
                                "重新思考运营模式以释放创造力。"),
                        List.of("第 1 章 人才与技能 + 生成式 AI ⟶ 第 1 章 人才与技能 + 生成式 AI\n需要采取的行动\n明确生成式 AI 的应用以及所期望的收益。\n"
                                + "3. 创造力\n需要了解的事项\n创造力是生成式 AI 的一项“必备”技能。\n需要采取的行动\n重新思考运营模式以释放创造力。")),
                Arguments.of("001:121 a long paragraph is cut at sentence ends, never inside 2023 年 or 6,000", new ChunkerOptions(80, 120, 20),
                        lines("我们已经将对这一不断发展的技术的深刻洞见以及我们最及时的研究结果，汇总为当今的 CEO 可以在其业务中使用的具体见解和行动方案。"
                                + "2023 年，IBM 商业价值研究院 (IBM IBV) 针对全球近 6,000 位 CEO 和其他高管进行了访谈，了解他们预计生成式 AI 将在哪些领域产生最大的影响，"
                                + "计划如何进行投资，以及在此过程中需要克服哪些障碍。"),
                        List.of(" ⟶ 我们已经将对这一不断发展的技术的深刻洞见以及我们最及时的研究结果，汇总为当今的 CEO 可以在其业务中使用的具体见解和行动方案。",
                                " ⟶ 2023 年，IBM 商业价值研究院 (IBM IBV) 针对全球近 6,000 位 CEO 和其他高管进行了访谈，"
                                        + "了解他们预计生成式 AI 将在哪些领域产生最大的影响，计划如何进行投资，以及在此过程中需要克服哪些障碍。")),
                Arguments.of("003:231 a quotation that fits is not cut at the sentence end inside it", new ChunkerOptions(40, 100, 10),
                        lines("阿联酋 e& 公司副总裁 Adnan Kashwani 指出：“面对 AI 等新兴技术，集体决策机制具有天然优势，技术日新月异，无人能独揽全部智慧。"
                                + "跨部门常设委员会机制，通过融合多元视角实现决策最优化，显著降低试错成本。”"),
                        List.of(" ⟶ 阿联酋 e& 公司副总裁 Adnan Kashwani 指出：",
                                " ⟶ “面对 AI 等新兴技术，集体决策机制具有天然优势，技术日新月异，无人能独揽全部智慧。跨部门常设委员会机制，通过融合多元视角实现决策最优化，显著降低试错成本。”")),
                Arguments.of("000:147-149 a tiny last sentence joins the piece before it", new ChunkerOptions(30, 45, 16),
                        lines("还记得挑选少数几个合作伙伴、稳步迈向数字化理想国的美", "好愿景吗？尽管组织对此寄予厚望，但理想国并未如愿实现。",
                                "生成式 AI 摧毁了这一战略。"),
                        List.of(" ⟶ 还记得挑选少数几个合作伙伴、稳步迈向数字化理想国的美好愿景吗？",
                                " ⟶ 尽管组织对此寄予厚望，但理想国并未如愿实现。生成式 AI 摧毁了这一战略。")),
                Arguments.of("000:166-172 a page number inside a chunk stays in its source text, not in its clean text", DEFAULTS,
                        lines("团队来执行大部分甚至全部的技术项目。7 71% 的受访组织计划或已经与战略合作伙伴",
                                "共同构建生成式 AI 大语言模型 (LLM)，并将其作为服务出售。", "", "7", "",
                                "“我们不想什么都采用自建的方式。我们希望利用技术合作伙伴的 AI 能力。”"),
                        List.of(" ⟶ 团队来执行大部分甚至全部的技术项目。71% 的受访组织计划或已经与战略合作伙伴共同构建生成式 AI 大语言模型 (LLM)，并将其作为服务出售。\n"
                                + "“我们不想什么都采用自建的方式。我们希望利用技术合作伙伴的 AI 能力。”")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chunkings")
    void chunks_report_snippets_along_their_structure(String name, ChunkerOptions options, String source, List<String> expected) {
        CleanDocument document = new PdfTextCleaner().clean(source);

        List<Chunk> chunks = new StructureChunker(options).chunk("report", document);

        assertEquals(expected, chunks.stream().map(c -> c.sectionPath() + " ⟶ " + c.cleanText()).toList());
        ChunkInvariants.assertAll("report", document, chunks, options);
    }

    @Test
    void a_chunk_that_opens_a_block_starts_at_its_markup_and_one_that_ends_it_takes_its_footnote_mark() {
        // 003:38-43 and 000:185-186
        String source = lines("# 引言", "", "与其他企业相比，这类企业在过去三年中的收入增长", "要高出 24%。8");

        Chunk chunk = new StructureChunker().chunk("report", new PdfTextCleaner().clean(source)).getFirst();

        assertEquals("# 引言\n\n与其他企业相比，这类企业在过去三年中的收入增长\n要高出 24%。8", chunk.text());
        assertEquals("引言\n与其他企业相比，这类企业在过去三年中的收入增长要高出 24%。", chunk.cleanText());
    }

    @Test
    void a_table_of_contents_never_lands_inside_a_chunk() {
        // 001:25-44,65-67
        String source = lines("CEO 生成式 AI 行动指南", "", "目录", "", "序言\t\t1", "引言\t\t", "领导力无法自动化\t\t3", "第一部分\t\t",
                "AI 赋能的人才\t7\t", "第 1 章\t人才与技能\t9", "第 2 章\t客户服务\t19", "第 3 章\t客户和员工体验\t29", "",
                "新一轮工业革命", "是否将由生成式", "AI 来定义？");

        List<Chunk> chunks = new StructureChunker().chunk("report", new PdfTextCleaner().clean(source));

        assertTrue(chunks.stream().noneMatch(c -> c.text().contains("人才与技能\t9")), () -> "TOC inside " + chunks);
        ChunkInvariants.assertAll("report", new PdfTextCleaner().clean(source), chunks, DEFAULTS);
    }

    @ParameterizedTest(name = "[{0}]")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", "\n\n", " \n\t\n", "7\n\n18 19\n"})
    void a_report_with_nothing_but_whitespace_or_furniture_gives_no_chunks(String source) {
        assertEquals(List.of(), new StructureChunker().chunk("report", new PdfTextCleaner().clean(source)));
    }

    @ParameterizedTest(name = "target {0}, max {1}, min {2}")
    @CsvSource({"350, 600, 0", "50, 600, 100", "350, 300, 100"})
    void options_fail_early_naming_the_bad_value(int target, int max, int min) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new ChunkerOptions(target, max, min));

        assertTrue(error.getMessage().matches(".*\\b(" + target + "|" + max + "|" + min + ")\\b.*"), error.getMessage());
    }

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }
}
