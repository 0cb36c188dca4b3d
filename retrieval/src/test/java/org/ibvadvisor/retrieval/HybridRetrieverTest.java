package org.ibvadvisor.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hybrid and single-signal retrievers over a small real index (in-memory Lucene, bigram-hash vectors). */
class HybridRetrieverTest {
    private static TestIndex index;
    private static Retrievers retrievers;

    @BeforeAll
    static void open() {
        Map<String, String> reports = new LinkedHashMap<>();
        reports.put("supply", String.join("\n\n",
                "第一章 供应链\n全球供应链正在经历深刻变革。",
                "调研显示，62% 的高管表示供应链成本将在未来三年上升。",
                "企业需要重新设计采购流程，并投资于数字化工具。",
                "结论：韧性比效率更重要。"));
        reports.put("talent", String.join("\n\n",
                "第二章 人才与技能\n生成式 AI 正在改变工作方式。",
                "87% 的受访高管预计生成式 AI 将增强而非取代人类工作角色。",
                "企业应当为员工提供技能提升和再培训计划。"));
        reports.put("compute", String.join("\n\n",
                "平均计算成本将在 2023 年至 2025 年间攀升 89%。",
                "混合云架构可以帮助企业控制计算成本。"));
        index = TestIndex.of(reports, new BigramEmbedder());
        retrievers = new Retrievers(index.store(), new BigramEmbedder());
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    @Test
    void finds_the_passage_that_states_the_fact_first_with_its_exact_span_and_signal_ranks() {
        Retrieval retrieval = retrievers.hybrid().retrieve(RetrievalRequest.of("有多少高管认为供应链成本会上升？"));
        Passage top = retrieval.passages().getFirst();
        assertTrue(top.text().contains("62% 的高管表示供应链成本"), top.text());
        assertEquals("supply", top.reportId());
        assertEquals("报告 supply", top.reportTitle());
        for (Passage passage : retrieval.passages()) {
            assertEquals(index.text(passage.reportId()).substring(passage.start(), passage.end()), passage.text());
            assertTrue(Signals.ALL.containsAll(passage.ranks().keySet()), passage.ranks().toString());
            assertFalse(passage.ranks().isEmpty());
        }
        assertTrue(retrieval.timings().totalMs() >= retrieval.timings().embedMs());
    }

    @Test
    void english_questions_find_the_chinese_passage_through_the_glossary() {
        Retrieval retrieval = retrievers.hybrid().retrieve(RetrievalRequest.of(
                "What share of executives expect generative AI to augment rather than replace human roles?"));
        assertTrue(retrieval.passages().getFirst().text().contains("87% 的受访高管"), retrieval.passages().getFirst().text());
    }

    @Test
    void a_report_filter_keeps_every_passage_within_those_reports() {
        Retrieval retrieval = retrievers.hybrid().retrieve(new RetrievalRequest("计算成本", 10, Set.of("supply", "talent")));
        assertFalse(retrieval.passages().isEmpty());
        assertTrue(retrieval.passages().stream().allMatch(p -> Set.of("supply", "talent").contains(p.reportId())));
    }

    @Test
    void an_unknown_report_in_the_filter_is_named_in_the_exception() {
        UnknownReportException e = assertThrows(UnknownReportException.class,
                () -> retrievers.hybrid().retrieve(new RetrievalRequest("成本", 5, Set.of("supply", "nope"))));
        assertEquals(Set.of("nope"), e.unknown());
    }

    @Test
    void at_most_k_passages_come_back_and_adjacent_chunks_merge_into_one() {
        Retrieval retrieval = retrievers.hybrid().retrieve(new RetrievalRequest("供应链 高管 采购 韧性 效率", 2, Set.of()));
        assertEquals(2, retrieval.passages().size());
        assertTrue(retrieval.passages().stream().anyMatch(p -> p.id().matches("supply#\\d-\\d")),
                retrieval.passages().stream().map(Passage::id).toList().toString());
    }

    @Test
    void a_question_the_index_answers_gets_more_confidence_than_one_about_what_it_lacks() {
        double answered = retrievers.hybrid().retrieve(RetrievalRequest.of("2023 年至 2025 年间平均计算成本攀升多少？")).confidence();
        double lacking = retrievers.hybrid().retrieve(RetrievalRequest.of("2030 年德国的计算成本是多少？")).confidence();
        assertTrue(answered > RetrievalSettings.REFUSAL_THRESHOLD, "answered " + answered);
        assertTrue(lacking < answered - 0.1, "lacking " + lacking + ", answered " + answered);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bm25", "bigram", "dense", "sentence", "dense-sentence"})
    void a_single_signal_retriever_ranks_by_that_signal_alone(String name) {
        Retrieval retrieval = retrievers.byName(name).retrieve(RetrievalRequest.of("高管 供应链 成本"));
        assertFalse(retrieval.passages().isEmpty());
        List<Integer> ranks = retrieval.passages().stream().map(p -> p.ranks().get(name)).toList();
        assertTrue(retrieval.passages().stream().allMatch(p -> p.ranks().keySet().equals(Set.of(name))));
        assertEquals(ranks.stream().sorted().toList(), ranks, "passages follow the signal's own order");
    }

    @Test
    void the_retriever_named_hybrid_fuses_every_signal() {
        Retrieval retrieval = retrievers.byName("hybrid").retrieve(RetrievalRequest.of("高管 供应链 成本"));
        assertTrue(retrieval.passages().stream().anyMatch(p -> p.ranks().size() > 1), "some passage found by several signals");
        assertTrue(retrieval.passages().stream().allMatch(p -> Signals.ALL.containsAll(p.ranks().keySet())));
    }

    @Test
    void an_unknown_retriever_name_is_refused_with_the_known_ones() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> retrievers.byName("magic"));
        assertTrue(e.getMessage().contains("bm25") && e.getMessage().contains("hybrid"), e.getMessage());
    }
}
