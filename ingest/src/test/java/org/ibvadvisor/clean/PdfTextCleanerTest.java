package org.ibvadvisor.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cleaner on snippets copied from the five reports (file and line in each case name), rendered block by block
 * as "H&lt;level&gt; text" or "P text". Cases marked "constructed" put real sentences into a shape the corpus lacks.
 */
class PdfTextCleanerTest {
    private final Cleaner cleaner = new PdfTextCleaner();

    static Stream<Arguments> joins() {
        return Stream.of(
                Arguments.of("000:1-5 CJK lines wrapped mid-sentence join without a space",
                        lines(" 到 2026 年，全球 2000 强企业的总收入中有 40% 将来自",
                                "数字产品、服务和体验。1 我们是否正在见证模拟时代的",
                                "终结？看起来是的。确实，我们仍然需要睡眠、食物和氧气，",
                                "但除了这些基本需求以外，当今世界的很多方面正在迅速",
                                "数字化。"),
                        List.of("P 到 2026 年，全球 2000 强企业的总收入中有 40% 将来自数字产品、服务和体验。我们是否正在见证模拟时代的"
                                + "终结？看起来是的。确实，我们仍然需要睡眠、食物和氧气，但除了这些基本需求以外，当今世界的很多方面正在迅速数字化。")),
                Arguments.of("000:154-157 a CJK char wrapped next to a number joins with one space",
                        lines("这是为什么呢？因为生成式 AI 开启了一轮爆炸式创新。这是一种相当于“重新发明轮子”",
                                "的技术变革，正在重新定义整个行业。超过三分之二 (69%) 的受访组织表示将在 2025 ",
                                "年之前利用生成式 AI 实现开放创新。3 但这条路并不容易。仅有 38% 的受访高管表示",
                                "其组织具备将生成式 AI 应用于创新所需的内部专业知识。4 "),
                        List.of("P 这是为什么呢？因为生成式 AI 开启了一轮爆炸式创新。这是一种相当于“重新发明轮子”的技术变革，正在重新定义整个行业。"
                                + "超过三分之二 (69%) 的受访组织表示将在 2025 年之前利用生成式 AI 实现开放创新。但这条路并不容易。"
                                + "仅有 38% 的受访高管表示其组织具备将生成式 AI 应用于创新所需的内部专业知识。")),
                Arguments.of("000:307-308 a CJK char wrapped next to a Latin word joins with one space",
                        lines("摒弃仅关注正常运行时间的过时 SLA。建立一种融合 ",
                                "SLA 与 OKR 的框架来变革团队的合作方式。"),
                        List.of("P 摒弃仅关注正常运行时间的过时 SLA。建立一种融合 SLA 与 OKR 的框架来变革团队的合作方式。")),
                Arguments.of("001:3-4 Latin words wrapped across lines join with one space",
                        lines("IBM Institute for", "Business Value"),
                        List.of("H3 IBM Institute for Business Value")),
                Arguments.of("000:558-566 wrapped lines after a fragment join into its paragraph",
                        lines("尽管", "的受访 CEO 表示，如果组织中", "未建立有效的 AI 治理框架，", "实现可信 AI 就无从谈起。", "",
                                "但只有 ", "的受访 CEO 表示其组织目前已", "经建立了良好的生成式 AI 治理", "框架。"),
                        List.of("P 尽管的受访 CEO 表示，如果组织中未建立有效的 AI 治理框架，实现可信 AI 就无从谈起。",
                                "P 但只有的受访 CEO 表示其组织目前已经建立了良好的生成式 AI 治理框架。")),
                Arguments.of("000:45-50 a short line set over a full-width line does not join it",
                        lines(" 何小龙 ", "天山材料有限公司首席信息官兼数字化副总裁，", "Infosys 首席技术官", " 混合设计和生态系统",
                                "混合设计从一开始就整合了多种云、生成式 AI 和业务环境，创造了一个统一、有凝聚力的生态系统。这种方法可从多",
                                "个方面帮助组织克服常见的生态系统障碍："),
                        List.of("P 何小龙天山材料有限公司首席信息官兼数字化副总裁，Infosys 首席技术官",
                                "H3 混合设计和生态系统",
                                "P 混合设计从一开始就整合了多种云、生成式 AI 和业务环境，创造了一个统一、有凝聚力的生态系统。这种方法可从多个方面帮助组织克服常见的生态系统障碍：")),
                Arguments.of("001:2375-2378 bullets lose their marker, each is a paragraph, a wrapped bullet joins",
                        lines("- 2023 IBM IBV CEO 研究调查，", "涵盖 3,000 名全球 CEO，2023 年 2 月 /3 月 /4 月。",
                                "- 2023 IBM IBV 生成式 AI CEO 脉冲调查，", "涵盖 200 名美国 CEO，2023 年 4 月 /5 月。"),
                        List.of("P 2023 IBM IBV CEO 研究调查，涵盖 3,000 名全球 CEO，2023 年 2 月 /3 月 /4 月。",
                                "P 2023 IBM IBV 生成式 AI CEO 脉冲调查，涵盖 200 名美国 CEO，2023 年 4 月 /5 月。")),
                Arguments.of("002:241-243 dash bullets lose their marker and bold markers",
                        lines("—**转变观念：**从“增加 AI”转变为“以 AI 为出发点”。", "",
                                "—**设定可衡量的目标：**定义生成式 AI 采用的财务和非财务目标，并确定具体、量化的措施，并涵盖希望员工积极接受的变革。"),
                        List.of("P 转变观念：从“增加 AI”转变为“以 AI 为出发点”。",
                                "P 设定可衡量的目标：定义生成式 AI 采用的财务和非财务目标，并确定具体、量化的措施，并涵盖希望员工积极接受的变革。")),
                Arguments.of("002:208-211 tab-separated table rows stay rows, cells separated",
                        lines("\t传统\t放大\t新增",
                                "模型准备 (训练和调优阶段)\t稳健性 数据法规 隐私保护\t公平性 知识产权 透明度 隐私保护\t价值观一致性",
                                "模型运营化 (推理阶段)\t\t稳健性\t隐私保护 知识产权 稳健性"),
                        List.of("P 传统 | 放大 | 新增",
                                "P 模型准备 (训练和调优阶段) | 稳健性 数据法规 隐私保护 | 公平性 知识产权 透明度 隐私保护 | 价值观一致性",
                                "P 模型运营化 (推理阶段) | 稳健性 | 隐私保护 知识产权 稳健性")));
    }

    static Stream<Arguments> furniture() {
        return Stream.of(
                Arguments.of("000:166-172 a lone page number between paragraphs is dropped",
                        lines("团队来执行大部分甚至全部的技术项目。7 71% 的受访组织计划或已经与战略合作伙伴",
                                "共同构建生成式 AI 大语言模型 (LLM)，并将其作为服务出售。", "", "7", "",
                                "“我们不想什么都采用自建的方式。我们希望利用技术合作伙伴的 AI 能力。"),
                        List.of("P 团队来执行大部分甚至全部的技术项目。71% 的受访组织计划或已经与战略合作伙伴共同构建生成式 AI 大语言模型 (LLM)，并将其作为服务出售。",
                                "P “我们不想什么都采用自建的方式。我们希望利用技术合作伙伴的 AI 能力。")),
                Arguments.of("000:597-601 two page numbers on a line before an indented text box are dropped",
                        lines("安全协议。建立健全的安全协议，保护生态系统免受网", "络威胁，并确保生态系统数据和交易的完整性。", "",
                                "18 19", " 需要采取的行动：", "", "实施开放数据实践。"),
                        List.of("P 安全协议。建立健全的安全协议，保护生态系统免受网络威胁，并确保生态系统数据和交易的完整性。",
                                "P 需要采取的行动：", "P 实施开放数据实践。")),
                Arguments.of("003:392-399 a number continued on the next line is a figure, not a page number",
                        lines("1,200  ", "名高管", "", "20  ", "个国家/地区", "", "24  ", "个行业"),
                        List.of("P 1,200 名高管", "P 20 个国家/地区", "P 24 个行业")),
                Arguments.of("001:33-44,110-112 a tabbed table of contents and its title are dropped",
                        lines("CEO 生成式 AI 行动指南", "", "目录", "", "序言\t\t1", "引言\t\t", "领导力无法自动化\t\t3", "第一部分\t\t",
                                "AI 赋能的人才\t7\t", "第 1 章\t人才与技能\t9", "第 2 章\t客户服务\t19", "", "序言", "",
                                "作为企业的关键决策者，CEO 往往要面对和处理最棘手的问题——而这些问题的解决方式通常决定了一个组织的未来。"),
                        List.of("H3 CEO 生成式 AI 行动指南", "H1 序言",
                                "P 作为企业的关键决策者，CEO 往往要面对和处理最棘手的问题——而这些问题的解决方式通常决定了一个组织的未来。")),
                Arguments.of("003:8-18 a Markdown table of contents with dot leaders is dropped",
                        lines("# 目录", "", "打造坚实 AI 引擎 .....\t2", "构建灵活 AI 架构 .....\t4", "筑就可信 AI 基石 .....\t10", "",
                                "## IBM 如何提供帮助", "",
                                "IBM 所提供的 AI 基础设施，不仅具备安全、可扩展、开放与法律保障等核心特质，更能完美支撑高度动态且要求严苛的 AI 工作负载。"),
                        List.of("H2 IBM 如何提供帮助",
                                "P IBM 所提供的 AI 基础设施，不仅具备安全、可扩展、开放与法律保障等核心特质，更能完美支撑高度动态且要求严苛的 AI 工作负载。")),
                Arguments.of("003:124-134 a horizontal rule is dropped",
                        lines("未来三年内，计划在各领域维持或扩展其战略的高管百分比", "", "---", "", "## 观点", "",
                                "# 迎战 AI 的“能耗洪流”：如何实现高效与可持续", "",
                                "AI 的能源需求正呈爆炸式增长。<sup>3</sup> 对此，86% 的组织表示，已在基础设施决策中纳入碳足迹考量，78% 已将可持续深度融入其 AI 战略。"),
                        List.of("P 未来三年内，计划在各领域维持或扩展其战略的高管百分比", "H2 观点", "H1 迎战 AI 的“能耗洪流”：如何实现高效与可持续",
                                "P AI 的能源需求正呈爆炸式增长。对此，86% 的组织表示，已在基础设施决策中纳入碳足迹考量，78% 已将可持续深度融入其 AI 战略。")),
                Arguments.of("constructed from 000:180-189 a line repeated at page breaks is a running head",
                        runningHeadSample("CEO 生成式 AI 行动指南", true),
                        runningHeadSampleBlocks(false, null)),
                Arguments.of("constructed from 001 a section label repeated away from page breaks is kept",
                        runningHeadSample("需要了解的事项", false),
                        runningHeadSampleBlocks(true, "H3 需要了解的事项")));
    }

    static Stream<Arguments> headings() {
        return Stream.of(
                Arguments.of("003:38-47,188-190 Markdown headings take their level from the # count",
                        lines("# 引言", "", "## 打造坚实 AI 引擎", "", " ", "AI 已在董事会议程中成为战略焦点，却未能带来匹配的商业成效。", "",
                                "### 安全与完整性", "",
                                "- **安全为核。**借助强健的网络与访问控制、数据加密及智能威胁检测，全面防护数据流、模型服务与 API 接口。"),
                        List.of("H1 引言", "H2 打造坚实 AI 引擎", "P AI 已在董事会议程中成为战略焦点，却未能带来匹配的商业成效。", "H3 安全与完整性",
                                "P 安全为核。借助强健的网络与访问控制、数据加密及智能威胁检测，全面防护数据流、模型服务与 API 接口。")),
                Arguments.of("003:401-417 in a Markdown report only # lines are headings",
                        lines("## 关于作者", "", "### *Ric Lewis*", "", "高级副总裁", "", "IBM Infrastructure", "",
                                "[linkedin.com/in/ric-lewis-37713b4/](https://www.linkedin.com/in/ric-lewis-37713b4/)", "",
                                "[Ric.Lewis@ibm.com](mailto:Ric.Lewis@ibm.com)", "", "### *Hari Kannan*", "", "战略与业务发展副总裁"),
                        List.of("H2 关于作者", "H3 Ric Lewis", "P 高级副总裁", "P IBM Infrastructure", "P linkedin.com/in/ric-lewis-37713b4/",
                                "P Ric.Lewis@ibm.com", "H3 Hari Kannan", "P 战略与业务发展副总裁")),
                Arguments.of("001:195-206 a bare 第 N 章 takes the title line after it",
                        lines("第 1 章", "", "人才与技能 + 生成式 AI", "", "未来工作 新格局", "",
                                "“我认为生成式 AI 是科技领域最令人激动的进展，至少在我有生之年是如此。”", "", "Lidiane Jones", "Slack 首席执行官", "",
                                "人才与技能"),
                        List.of("H2 第 1 章 人才与技能 + 生成式 AI", "H3 未来工作 新格局",
                                "P “我认为生成式 AI 是科技领域最令人激动的进展，至少在我有生之年是如此。”", "P Lidiane Jones Slack 首席执行官",
                                "H3 人才与技能")),
                Arguments.of("001:157-181 a part takes its title; chapters listed with page numbers stay text",
                        lines("第一部分", "", "AI 赋能的 人才", "",
                                "正如装配线改变了工厂工人生产产品的方式一样，生成式 AI 将变革知识工作的方式。", "",
                                "第 1 章 人才与技能", "", "未来工作新格局", "", "9", "", "第 2 章 客户服务", "", "从成本中心到价值引擎", "", "19"),
                        List.of("H1 第一部分 AI 赋能的 人才", "P 正如装配线改变了工厂工人生产产品的方式一样，生成式 AI 将变革知识工作的方式。",
                                "P 第 1 章 人才与技能", "P 未来工作新格局", "P 第 2 章 客户服务", "P 从成本中心到价值引擎")),
                Arguments.of("000:93-99 a short line standing alone between paragraphs is a title",
                        lines("总体而言，混合设计的生态系统方法有助于创建一个更", "具弹性、创新性和适应性的系统，从而更有效地应对现",
                                "代世界的复杂性和挑战。", "", "新的合作规则", "", "在当今的新时代，组织必须具备一系列不同以往的独特",
                                "技能和能力，才能适应不断变化的趋势。"),
                        List.of("P 总体而言，混合设计的生态系统方法有助于创建一个更具弹性、创新性和适应性的系统，从而更有效地应对现代世界的复杂性和挑战。",
                                "H3 新的合作规则", "P 在当今的新时代，组织必须具备一系列不同以往的独特技能和能力，才能适应不断变化的趋势。")),
                Arguments.of("000:30-34 a title wrapped over two lines is one title",
                        lines("打造超级", "生态", "", "混合设计开启强力", "生态引擎"),
                        List.of("H3 打造超级生态", "H3 混合设计开启强力生态引擎")),
                Arguments.of("000:125-130 a short wrapped line ending a sentence is no title",
                        lines("生成式 AI 已经颠覆了生态", "系统。", "", "需要了解的事项", "", "完善成功三角结构。"),
                        List.of("P 生成式 AI 已经颠覆了生态系统。", "H3 需要了解的事项", "P 完善成功三角结构。")),
                Arguments.of("001:931-936 fragments around a figure are no titles",
                        lines("在创新领域表现突出的企业可", "实现比其他企业高出", "", "74%", "", "的年收入增长率。"),
                        List.of("P 在创新领域表现突出的企业可实现比其他企业高出", "P 74%", "P 的年收入增长率。")),
                Arguments.of("001:294-304 a speaker and role after a quotation are no titles",
                        lines("“生成式 AI 不会取代人类工作者，而是会**增强人类工作者**，最终人类将成为驾驶员。移动设备则是副驾驶或助手。**它们仍然需要我们，需要人类。**”",
                                "", "Bill Burns", "", "Zebra Technologies 首席执行官", "", "", "", "需要了解的事项", "", "创造力是生成式 AI 的一项“必备”技能。"),
                        List.of("P “生成式 AI 不会取代人类工作者，而是会增强人类工作者，最终人类将成为驾驶员。移动设备则是副驾驶或助手。它们仍然需要我们，需要人类。”",
                                "P Bill Burns", "P Zebra Technologies 首席执行官", "H3 需要了解的事项", "P 创造力是生成式 AI 的一项“必备”技能。")),
                Arguments.of("002:22-26 a figure number and its caption are no titles",
                        lines("图 1", "", "生成式 AI 的时代已经来临", "", "根据受访高管的预计，从 2022 年到 2024 年，生成式 AI 的采用率将增长近两倍"),
                        List.of("P 图 1", "P 生成式 AI 的时代已经来临", "P 根据受访高管的预计，从 2022 年到 2024 年，生成式 AI 的采用率将增长近两倍")),
                Arguments.of("000:205-213 a run of chart labels are no titles",
                        lines("将工作外包给生成式 AI 赋能的专业人员", "", "与合作伙伴共同构建大语言模型", "", "构建可作为服务销售的大语言模型", "",
                                "构建组织专用的大语言模型", "", "订阅战略提供商的行业专用大语言模型"),
                        List.of("P 将工作外包给生成式 AI 赋能的专业人员", "P 与合作伙伴共同构建大语言模型", "P 构建可作为服务销售的大语言模型",
                                "P 构建组织专用的大语言模型", "P 订阅战略提供商的行业专用大语言模型")),
                Arguments.of("000:213-230 a page break ends a run of chart labels; the title after it stays",
                        lines("构建可作为服务销售的大语言模型", "", "构建组织专用的大语言模型", "", "订阅战略提供商的行业专用大语言模型", "",
                                "升级到合作伙伴嵌入生成式 AI 的新版 AI 技术", "", "不太可能 有点可能 非常可能 计划中 正在实施", "", "7", "", "", "",
                                "生成式 AI 如何颠覆生态合作", "",
                                "生成式 AI 正在从各个方面颠覆生态系统，包括重塑价值链、赋能新兴市场力量、推动行业细分化、促进合作性竞争、"),
                        List.of("P 构建可作为服务销售的大语言模型", "P 构建组织专用的大语言模型", "P 订阅战略提供商的行业专用大语言模型",
                                "P 升级到合作伙伴嵌入生成式 AI 的新版 AI 技术", "P 不太可能 有点可能 非常可能 计划中 正在实施",
                                "H3 生成式 AI 如何颠覆生态合作",
                                "P 生成式 AI 正在从各个方面颠覆生态系统，包括重塑价值链、赋能新兴市场力量、推动行业细分化、促进合作性竞争、")),
                Arguments.of("001:2119-2137 front and back matter are level 1; in the notes chapters only label notes",
                        lines("结束语", "", "奠定伟业之基石", "", "注释与来源", "", "第一部分", "", "AI 赋能的人才", "", "第 1 章 人才与技能", "",
                                "- 5 Goldstein, Jill, Bill Lobig, Cathy Fillare, and Christopher Nowak."),
                        List.of("H1 结束语", "H3 奠定伟业之基石", "H1 注释与来源", "H3 第一部分 AI 赋能的人才", "H3 第 1 章 人才与技能",
                                "P 5 Goldstein, Jill, Bill Lobig, Cathy Fillare, and Christopher Nowak.")));
    }

    static Stream<Arguments> footnotesAndMarkup() {
        return Stream.of(
                Arguments.of("000:166-167 a footnote digit before a figure does not glue onto it",
                        lines("的大规模技术项目的成功至关重要。6 而 74% 的受访高管表示其组织选择战略合作伙伴",
                                "团队来执行大部分甚至全部的技术项目。7 71% 的受访组织计划或已经与战略合作伙伴"),
                        List.of("P 的大规模技术项目的成功至关重要。而 74% 的受访高管表示其组织选择战略合作伙伴团队来执行大部分甚至全部的技术项目。71% 的受访组织计划或已经与战略合作伙伴")),
                Arguments.of("000:185-186 a footnote digit after 24%。 is dropped",
                        lines("与其他企业相比，这类企业在过去三年中的收入增长", "要高出 24%。8"),
                        List.of("P 与其他企业相比，这类企业在过去三年中的收入增长要高出 24%。")),
                Arguments.of("001:1076 superscript footnote marks are dropped",
                        lines("采用敏捷实践的 CEO 实现出众收入增长的比例要比其他组织高出 43%。⁵⁶ 如今，79% 的受访高管表示"),
                        List.of("P 采用敏捷实践的 CEO 实现出众收入增长的比例要比其他组织高出 43%。如今，79% 的受访高管表示")),
                Arguments.of("constructed from 000:1 a superscript right after 40% leaves 40%",
                        lines("到 2026 年，全球 2000 强企业的总收入中有 40%¹ 将来自数字产品、服务和体验。"),
                        List.of("P 到 2026 年，全球 2000 强企业的总收入中有 40% 将来自数字产品、服务和体验。")),
                Arguments.of("003:85 an HTML superscript is dropped with its number",
                        lines("大型语言模型 (LLM) 主导当下，但 AI 的未来属于多模型共融<sup>2</sup>，通用与专用模型协同。"),
                        List.of("P 大型语言模型 (LLM) 主导当下，但 AI 的未来属于多模型共融，通用与专用模型协同。")),
                Arguments.of("001:121 a year after 。 is text, not a footnote",
                        lines("汇总为当今的 CEO 可以在其业务中使用的具体见解和行动方案。2023 年，IBM 商业价值研究院 (IBM IBV) 针对全球近 6,000 位 CEO 和其他高管进行了访谈。"),
                        List.of("P 汇总为当今的 CEO 可以在其业务中使用的具体见解和行动方案。2023 年，IBM 商业价值研究院 (IBM IBV) 针对全球近 6,000 位 CEO 和其他高管进行了访谈。")),
                Arguments.of("000:24 a percentage after 。 is text, not a footnote",
                        lines("已成为成功的关键。55% 的企业高管表示，不断变化的战略优先事项将需要重新配置核心合作伙伴关系。"),
                        List.of("P 已成为成功的关键。55% 的企业高管表示，不断变化的战略优先事项将需要重新配置核心合作伙伴关系。")),
                Arguments.of("constructed from 004:57 a number with its unit after 。 is text, not a footnote",
                        lines("预计 2023 年至 2025 年间，平均计算成本将攀升 89%。5 个组织中有 3 个已取消或推迟了至少一项项目。"),
                        List.of("P 预计 2023 年至 2025 年间，平均计算成本将攀升 89%。5 个组织中有 3 个已取消或推迟了至少一项项目。")),
                Arguments.of("002:341 an autolink keeps its address",
                        lines("访问 IBM 商业价值研究院中国网站，免费下载研究报告：<https://www.ibm.com/ibv/cn>"),
                        List.of("P 访问 IBM 商业价值研究院中国网站，免费下载研究报告：https://www.ibm.com/ibv/cn")),
                Arguments.of("001:2256 a Markdown escape loses its backslash",
                        lines("- 83 Cutter, Chip. \"The \\$900,000 AI job is here.\" *The Wall Street Journal*. August 14, 2023."),
                        List.of("P 83 Cutter, Chip. \"The $900,000 AI job is here.\" The Wall Street Journal. August 14, 2023.")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"joins", "furniture", "headings", "footnotesAndMarkup"})
    void cleans_report_snippets_into_blocks(String name, String source, List<String> expected) {
        CleanDocument document = cleaner.clean(source);

        assertEquals(expected, render(document));
        CleanInvariants.assertMapsBackToSource(document);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"joins", "furniture", "headings", "footnotesAndMarkup"})
    void reads_windows_line_breaks_like_unix_ones(String name, String source, List<String> expected) {
        CleanDocument document = cleaner.clean(source.replace("\n", "\r\n"));

        assertEquals(expected, render(document));
        CleanInvariants.assertMapsBackToSource(document);
    }

    static List<String> render(CleanDocument document) {
        return document.blocks().stream()
                .map(b -> (b.kind() == BlockKind.HEADING ? "H" + b.level() : "P") + " " + b.text())
                .toList();
    }

    static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    /** Four pages of real text from report 000, each ending with the given line, next to a page number or not. */
    private static String runningHeadSample(String repeated, boolean withPageNumbers) {
        StringBuilder source = new StringBuilder();
        for (int page = 0; page < PAGES.size(); page++) {
            source.append(PAGES.get(page)).append("\n\n").append(repeated).append("\n\n");
            if (withPageNumbers) source.append(page + 12).append("\n\n");
        }
        return source.toString();
    }

    private static List<String> runningHeadSampleBlocks(boolean keepsLabel, String label) {
        return PAGES.stream()
                .flatMap(p -> keepsLabel ? Stream.of("P " + p, label) : Stream.of("P " + p))
                .toList();
    }

    private static final List<String> PAGES = List.of(
            "关键是要从原有舒适的合作伙伴关系中走出来。",
            "保持与时俱进。AI 革命已经来临，健全的技术合作伙伴生态系统是成功的基本要素。",
            "由于混合设计需要高度密切的协作，因此企业可以发现其生态系统中的创新和创业机会。",
            "有效的治理可以增强透明度和问责制，为建立强大、可信的合作伙伴关系奠定基础，而这对长期成功至关重要。");
}
