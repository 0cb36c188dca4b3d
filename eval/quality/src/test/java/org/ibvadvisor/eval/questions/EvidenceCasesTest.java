package org.ibvadvisor.eval.questions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ibvadvisor.chunk.Chunk;
import org.ibvadvisor.eval.run.EvalCase;
import org.ibvadvisor.retrieval.Passage;
import org.junit.jupiter.api.Test;

class EvidenceCasesTest {
    private static Chunk chunk(int ordinal, String text) {
        return new Chunk(null, "r", List.of(), ordinal, text, text, ordinal * 100, ordinal * 100 + text.length());
    }

    private static Passage passage(String text) {
        return new Passage("r#0", "r", "R", List.of(), text, 0, text.length(), 1, Map.of());
    }

    @Test
    void relevance_ignores_whitespace_on_both_sides_and_counts_the_chunks_holding_evidence() {
        Question question = new Question("q1", "多少？", List.of("38% 的受访 高管", "另一条证据"), "fact", "r", "dev");
        List<Chunk> chunks = List.of(chunk(0, "其中 38%的受访\n高管表示"), chunk(1, "无关"), chunk(2, "另一条 证据在此"));
        EvalCase evalCase = EvidenceCases.of(List.of(question), chunks).getFirst();
        assertEquals(2, evalCase.totalRelevant());
        assertTrue(evalCase.relevant().test(passage("……38 % 的受访高管……")));
        assertFalse(evalCase.relevant().test(passage("38% 的受访者")));
        assertTrue(evalCase.answerable());
    }

    @Test
    void an_unanswerable_question_has_nothing_relevant() {
        Question question = new Question("q2", "新加坡？", List.of(), "unanswerable", null, "test");
        EvalCase evalCase = EvidenceCases.of(List.of(question), List.of(chunk(0, "任何文本"))).getFirst();
        assertEquals(0, evalCase.totalRelevant());
        assertFalse(evalCase.answerable());
        assertFalse(evalCase.relevant().test(passage("任何文本")));
    }

    @Test
    void an_answer_holds_evidence_by_the_same_rule_as_a_passage() {
        assertTrue(EvidenceCases.holdsEvidence("- 其中 38%的受访\n高管表示 [1]", List.of("另一条", "38% 的受访 高管")));
        assertFalse(EvidenceCases.holdsEvidence("38% 的受访者", List.of("38% 的受访高管")));
        assertFalse(EvidenceCases.holdsEvidence("任何文本", List.of()));
    }
}
