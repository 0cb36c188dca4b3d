package org.ibvadvisor.eval.answers;

import static org.ibvadvisor.eval.answers.CannedAnswers.extractive;
import static org.ibvadvisor.eval.answers.CannedAnswers.cite;
import static org.ibvadvisor.eval.answers.CannedAnswers.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ibvadvisor.answer.Citation;
import org.ibvadvisor.eval.questions.Question;
import org.junit.jupiter.api.Test;

class AnswerSuiteTest {
    private static final Question IN_TEXT = question("q1", "多少高管同意？", "38%的受访 高管", "dev");
    private static final Question IN_QUOTE = question("q2", "What share agrees?", "38% 的受访高管", "test");
    private static final Question MISSED = question("q3", "前言说了什么？", "前言两句", "test");
    private static final Question REFUSED = question("q4", "还有什么？", "其余内容", "test");
    private static final Question UNANSWERABLE = new Question("q5", "新加坡呢？", List.of(), "unanswerable", null, "test");
    private static final Question ANSWERED_UNANSWERABLE = new Question("q6", "日本呢？", List.of(), "unanswerable", null, "dev");

    private static Question question(String id, String text, String evidence, String split) {
        return new Question(id, text, List.of(evidence), "fact", "r", split);
    }

    private static final CannedAnswers ANSWERER = new CannedAnswers(Map.of(
            IN_TEXT.question(), extractive("引文：\n\n- 38% 的受访高管表示同意。 [2]", cite(2)),
            IN_QUOTE.question(), extractive("- 表示同意 [2]", cite(2)),
            MISSED.question(), extractive("- 前言一句。 [1]", cite(1)),
            REFUSED.question(), refused("这些报告没有涉及这个问题。\n\n- 其余内容在此。 [3]", cite(3)),
            UNANSWERABLE.question(), refused("这些报告没有涉及这个问题。"),
            ANSWERED_UNANSWERABLE.question(), extractive("- 前言一句。 [1]",
                    new Citation(1, "r#1", "r", "R", "s", "前言一句", 0, 5))));

    private static final List<Question> QUESTIONS = List.of(IN_TEXT, IN_QUOTE, MISSED, REFUSED, UNANSWERABLE,
            ANSWERED_UNANSWERABLE);

    private static AnswerResults run() {
        return AnswerSuite.run(ANSWERER, CannedAnswers.CHECK, QUESTIONS, "Test", "six questions", 0.5, AnswerSuite.Progress.NONE);
    }

    @Test
    void evidence_counts_in_the_answer_text_or_in_a_quote_whitespace_ignored() {
        AnswerResults results = run();
        AnsweredQuestion inText = results.answered().get(0);
        AnsweredQuestion inQuote = results.answered().get(1);
        AnsweredQuestion missed = results.answered().get(2);

        assertTrue(inText.evidenceInText() && inText.evidenceFound());
        assertFalse(inQuote.evidenceInText());
        assertTrue(inQuote.evidenceQuoted() && inQuote.evidenceFound());
        assertFalse(missed.evidenceFound());
        assertEquals(2, inText.evidenceGiven(), "passage [2] holds the evidence");
        assertEquals(0, missed.evidenceGiven(), "no passage holds it");
    }

    @Test
    void refusals_of_answerable_questions_are_misses_only_among_all_answerable_ones() {
        AnswerFigures overall = run().overall();

        assertEquals(4, overall.answerable());
        assertEquals(3, overall.answerableAnswered());
        assertEquals(2.0 / 3, overall.evidenceAmongAnswered(), 1e-9);
        assertEquals(2.0 / 4, overall.evidenceAmongAnswerable(), 1e-9);
        assertEquals(1, overall.withEvidenceInText(), "q2's evidence is only in its quote");
    }

    @Test
    void refusal_precision_and_recall_count_refusals_against_answerability() {
        AnswerFigures overall = run().overall();

        assertEquals(0.5, overall.refusal().precision(), 1e-9, "q4 answerable but refused, q5 right");
        assertEquals(0.5, overall.refusal().recall(), 1e-9, "q5 refused, q6 answered");
    }

    @Test
    void a_quote_that_is_not_the_source_text_is_an_invalid_citation() {
        AnswerResults results = run();
        AnswerFigures overall = results.overall();

        assertEquals(5, overall.citations());
        assertEquals(1, overall.invalidCitations());
        assertEquals(0.8, overall.citationValidity(), 1e-9);
        assertEquals(List.of("[1] quote is not the source text at [0, 5)"), results.answered().get(5).problems());
    }

    @Test
    void figures_are_grouped_by_split_type_and_the_questions_language() {
        AnswerResults results = run();

        assertEquals(List.of("dev", "test"), List.copyOf(results.bySplit().keySet()));
        assertEquals(2, results.bySplit().get("dev").questions());
        assertEquals(List.of("fact", "unanswerable"), List.copyOf(results.byType().keySet()));
        assertEquals(1, results.byLanguage().get("en").questions());
        assertEquals("en", results.answered().get(1).language());
    }

    @Test
    void every_question_is_answered_once_after_a_warm_up_and_reported_in_order() {
        CannedAnswers answerer = new CannedAnswers(Map.of(IN_TEXT.question(), extractive("- 38% 的受访高管 [2]", cite(2)),
                MISSED.question(), extractive("- 前言一句。 [1]", cite(1))));
        List<String> heard = new ArrayList<>();

        AnswerResults results = AnswerSuite.run(answerer, CannedAnswers.CHECK, List.of(IN_TEXT, MISSED), "Test", "two", 0.5,
                (done, total, last) -> heard.add(done + "/" + total + " " + last.question().id()));

        assertEquals(List.of("1/2 q1", "2/2 q3"), heard);
        assertEquals(List.of("q1", "q3"), results.answered().stream().map(a -> a.question().id()).toList());
        assertEquals(2 + Math.min(AnswerSuite.WARM_UP, 2), answerer.asked);
    }

    @Test
    void failures_are_missed_evidence_wrong_refusals_and_answers_and_citation_problems() {
        List<String> failed = run().failures().stream().map(a -> a.question().id()).toList();

        assertEquals(List.of("q3", "q4", "q6"), failed);
    }
}
