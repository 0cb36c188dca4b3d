package org.ibvadvisor.answer.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuestionKindTest {

    @Test
    void questions_are_classed_by_what_they_ask_for_in_either_language() {
        assertEquals(QuestionKind.FIGURE, QuestionKind.of("企业的平均计算成本预计会上涨多少？"));
        assertEquals(QuestionKind.FIGURE, QuestionKind.of("有多大比例的高管认为需要重新配置合作伙伴关系？"));
        assertEquals(QuestionKind.FIGURE, QuestionKind.of("What share of executives say their organization has the expertise?"));
        assertEquals(QuestionKind.TIME, QuestionKind.of("How soon do executives expect generative AI to be ready?"));
        assertEquals(QuestionKind.TIME, QuestionKind.of("生成式 AI 什么时候能全面推广？"));
        assertEquals(QuestionKind.CAUSE, QuestionKind.of("为什么建议从 HR 部门开始？"));
        assertEquals(QuestionKind.LIST, QuestionKind.of("混合设计能从哪几个方面帮助组织？"), "哪几 is a list, not a count");
        assertEquals(QuestionKind.LIST, QuestionKind.of("可以设置哪些类型的护栏？"));
        assertEquals(QuestionKind.OTHER, QuestionKind.of("如何确保整个 AI 管道的安全？"));
    }

    @Test
    void a_sentence_holds_a_figure_when_it_gives_one_other_than_a_year() {
        assertTrue(AnswerTypes.holds(QuestionKind.FIGURE, "预计 2023 年至 2025 年间，平均计算成本将攀升 89%。", ""));
        assertTrue(AnswerTypes.holds(QuestionKind.FIGURE, "四分之三的受访高管将伦理视为差异化竞争优势的来源。", ""));
        assertTrue(AnswerTypes.holds(QuestionKind.FIGURE, "美国更是高达 948 万美元。", ""));
        assertFalse(AnswerTypes.holds(QuestionKind.FIGURE, "2023 年，企业纷纷开始探索生成式 AI。", ""), "a year is no figure");
        assertFalse(AnswerTypes.holds(QuestionKind.FIGURE, "生成式 AI 正推动计算成本进入高速增长阶段。", ""));
        assertTrue(AnswerTypes.holds(QuestionKind.TIME, "74% 的受访高管表示，生成式 AI 将在未来三年内准备好。", ""));
        assertTrue(AnswerTypes.holds(QuestionKind.CAUSE, "由于数据分散，AI 项目难以扩展。", ""));
        assertTrue(AnswerTypes.holds(QuestionKind.LIST, "建立单一管理平台。", "- **建立单一管理平台。** 管理多云"));
        assertFalse(AnswerTypes.holds(QuestionKind.OTHER, "预计平均计算成本将攀升 89%。", ""));
    }

    @Test
    void a_bold_lead_cut_from_its_list_item_is_a_lead() {
        assertTrue(EmbeddingExtractor.isLead("- **保护为 AI 提供动力的数据。"));
        assertFalse(EmbeddingExtractor.isLead("- **保护为 AI 提供动力的数据。** 让首席信息安全官负责。"));
        assertFalse(EmbeddingExtractor.isLead("生成式 AI 正推动计算成本进入高速增长阶段。"));
    }
}
