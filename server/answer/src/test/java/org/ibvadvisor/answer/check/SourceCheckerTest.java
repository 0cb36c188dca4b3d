package org.ibvadvisor.answer.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.ibvadvisor.answer.Citation;
import org.ibvadvisor.answer.Question;
import org.ibvadvisor.answer.fakes.Corpus;
import org.ibvadvisor.retrieval.Passage;
import org.junit.jupiter.api.Test;

/** The checks on real passages of the corpus. */
class SourceCheckerTest {

    private static final Corpus CORPUS = Corpus.bundled();
    /** "到 2026 年，全球 2000 强企业的总收入中有 40% 将来自数字产品…" */
    private static final Passage REVENUE = CORPUS.passageWith("全球 2000 强企业的总收入中有 40% 将来自", 1);
    private static final Passage OTHER = CORPUS.passages().stream()
            .filter(p -> p.reportId().equals("ai-infrastructure")).findFirst().orElseThrow();
    /** "55% 的企业高管表示，不断变化的战略优先事项将需要重新配置核心合作伙伴关系。" */
    private static final Passage PARTNERS = CORPUS.passageWith("55% 的企业高管表示", 1);
    private static final List<Passage> PASSAGES = List.of(REVENUE, OTHER, PARTNERS);
    private static final Question QUESTION = new Question("全球 2000 强企业的收入有多大比例会来自数字产品？", null, Set.of());

    private final SourceChecker checker = new SourceChecker();

    @Test
    void a_figure_the_cited_passage_states_is_verified_and_the_passage_quoted_by_its_sentence() {
        CheckedAnswer checked = checker.check("到 2026 年，全球 2000 强企业总收入的 40% 将来自数字产品、服务和体验[1]。",
                PASSAGES, QUESTION);

        assertEquals(List.of(), checked.unverified());
        assertEquals(List.of(), checked.warnings());
        Citation citation = checked.citations().getFirst();
        assertEquals(1, checked.citations().size());
        assertEquals(1, citation.n());
        assertEquals(REVENUE.id(), citation.passageId());
        assertTrue(citation.quote().contains("40%"), citation.quote());
        String source = CORPUS.report(REVENUE.reportId()).source();
        assertEquals(citation.quote(), source.substring(citation.start(), citation.end()));
        assertTrue(citation.end() - citation.start() < REVENUE.text().length(), "quoted the whole passage");
    }

    @Test
    void a_figure_no_cited_passage_states_is_named_in_a_warning_in_the_questions_language() {
        CheckedAnswer zh = checker.check("全球 2000 强企业 45% 的收入将来自数字产品[1]。", PASSAGES, QUESTION);
        CheckedAnswer en = checker.check("About 45% of Global 2000 revenue will be digital by 2026 [1].", PASSAGES,
                new Question("What share of Global 2000 revenue will come from digital products?", null, Set.of()));

        assertEquals(List.of("45%"), zh.unverified().stream().map(Figure::surface).toList());
        assertEquals(1, zh.warnings().size());
        assertTrue(zh.warnings().getFirst().contains("45%") && zh.warnings().getFirst().contains("未经核实"),
                zh.warnings().getFirst());
        assertEquals(List.of("45%"), en.unverified().stream().map(Figure::surface).toList(), "2026 is in [1]");
        assertTrue(en.warnings().getFirst().startsWith("Unverified figures") && en.warnings().getFirst().contains("45%"));
    }

    @Test
    void a_figure_is_held_against_the_passages_its_own_sentence_cites() {
        CheckedAnswer checked = checker.check("收入的 40% 将来自数字产品[2]。55% 的高管要重新配置合作伙伴关系[3]。",
                PASSAGES, QUESTION);

        assertEquals(List.of("40%"), checked.unverified().stream().map(Figure::surface).toList(),
                "40% is in [1] but the sentence cites [2]");
    }

    @Test
    void figures_of_the_question_need_no_passage_and_small_counts_are_not_checked() {
        CheckedAnswer checked = checker.check("全球 2000 强企业的这一比例可从 3 个方面理解[2]。", PASSAGES, QUESTION);

        assertEquals(List.of(), checked.unverified());
    }

    @Test
    void marks_standing_after_a_sentence_and_a_mark_closing_a_line_cite_for_the_sentences_before_them() {
        CheckedAnswer after = checker.check("总收入中有 40% 将来自数字产品。[1]", PASSAGES, QUESTION);
        CheckedAnswer line = checker.check("总收入中有 40% 将来自数字产品。这一年是 2026 年。[1]\n55% 的高管要重新配置合作伙伴关系[3]。",
                PASSAGES, QUESTION);

        assertEquals(List.of(), after.unverified());
        assertEquals(List.of(), line.unverified());
        assertEquals(List.of(1, 3), line.citations().stream().map(Citation::n).toList());
    }

    @Test
    void a_figure_without_any_citation_is_unverified() {
        CheckedAnswer checked = checker.check("总收入中有 40% 将来自数字产品。", PASSAGES, QUESTION);

        assertEquals(List.of("40%"), checked.unverified().stream().map(Figure::surface).toList());
        assertEquals(List.of(), checked.citations());
    }

    @Test
    void marks_pointing_to_no_passage_are_dropped_and_the_rest_are_cited_in_order_of_n() {
        CheckedAnswer checked = checker.check("55% 的高管这样表示[2,5]。收入的 40% 来自数字产品【1】[9]。",
                PASSAGES, QUESTION);

        assertEquals("55% 的高管这样表示[2]。收入的 40% 来自数字产品[1]。", checked.text());
        assertEquals(List.of(1, 2), checked.citations().stream().map(Citation::n).toList());
        assertEquals(java.util.Set.of(5, 9), checked.dropped());
        assertFalse(checked.unverified().isEmpty(), "55% is not in [2]");
    }
}
