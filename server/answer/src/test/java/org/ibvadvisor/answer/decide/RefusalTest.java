package org.ibvadvisor.answer.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ibvadvisor.answer.extract.Finding;
import org.ibvadvisor.answer.fakes.Corpus;
import org.ibvadvisor.answer.text.Language;
import org.ibvadvisor.retrieval.Passage;
import org.junit.jupiter.api.Test;

class RefusalTest {

    private static final Passage PASSAGE = Corpus.bundled().passageWith("55% 的企业高管表示", 1);

    @Test
    void a_refusal_says_so_in_the_questions_language_and_lists_the_nearest_findings_cited() {
        int start = PASSAGE.text().indexOf("55%");
        Finding finding = new Finding(2, PASSAGE, start, start + 10, "55% 的企业高管表示", 0.5);

        String zh = Refusal.text(Language.ZH, List.of(finding));
        String en = Refusal.text(Language.EN, List.of(finding));

        assertTrue(zh.startsWith("这些报告没有涉及这个问题。"), zh);
        assertTrue(zh.endsWith("\n- 55% 的企业高管表示 [2]"), zh);
        assertTrue(en.startsWith("The reports do not cover this question."), en);
        assertTrue(en.endsWith("\n- 55% 的企业高管表示 [2]"), en);
        assertEquals("The reports do not cover this question.", Refusal.text(Language.EN, List.of()));
    }
}
