package org.ibvadvisor.eval.answers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ibvadvisor.answer.Answer;
import org.ibvadvisor.embed.EmbeddingModelSpec;
import org.ibvadvisor.embed.OnnxEmbedder;
import org.ibvadvisor.eval.questions.QuestionSet;
import org.ibvadvisor.index.IndexSettings;
import org.ibvadvisor.retrieval.Retrievers;
import org.ibvadvisor.testing.BundledIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ibvadvisor.retrieval.store.ChunkStore;
import org.ibvadvisor.retrieval.store.LuceneChunkStore;

/**
 * The answer gate: on the TEST split, over the bundled index, the product's answer pipeline with no LLM reachable
 * answers at least 85% of the answerable questions with their evidence in its text or quotes (refusals count as
 * misses), the first sentence of at least 78% of answers to figure questions holds the evidence, and every citation quotes the report source exactly, within the passage it names.
 * About a minute: the bundled index is ingested first (shared with the other tests of the JVM), then 158 answers.
 */
class AnswerRegressionTest {
    /**
     * Raised from issue 4's 0.80 with issue 15's answer-type preference. Measured (eval/reports/answers/): 0.867,
     * 124 of the 143 answerable test questions (none refused; 0.860 before); 503 of 503 citations valid. Gate two
     * questions below.
     */
    private static final double EVIDENCE_AMONG_ANSWERABLE = 0.85;

    /**
     * Questions asking for a figure ({@code QuestionKind.FIGURE}): the answer's first sentence alone holds the
     * evidence. Measured: 0.812, 56 of 69 (issue 15 asks for 0.80). Gate two questions below.
     */
    private static final double FIGURE_FIRST_SENTENCE = 0.78;

    private static OnnxEmbedder embedder;
    private static ChunkStore index;
    private static AnswerResults results;

    @BeforeAll
    static void run() {
        embedder = new OnnxEmbedder(EmbeddingModelSpec.BGE_SMALL_ZH_Q);
        index = LuceneChunkStore.open(BundledIndex.path(), IndexSettings.forModel(embedder.modelId(), embedder.dimensions()));
        results = AnswerSuite.run(new Retrievers(index, embedder), embedder,
                QuestionSet.read(BundledIndex.projectDir().resolve("eval/questions/questions.jsonl"), QuestionSet.Split.TEST),
                "test split", AnswerSuite.Progress.NONE);
        System.out.print(AnswerMarkdown.table(results));
    }

    @AfterAll
    static void close() {
        if (index != null) index.close();
        if (embedder != null) embedder.close();
    }

    @Test
    void extractive_answers_hold_the_evidence_of_at_least_85_percent_of_answerable_questions() {
        AnswerFigures overall = results.overall();
        assertTrue(overall.evidenceAmongAnswerable() >= EVIDENCE_AMONG_ANSWERABLE, () -> overall.withEvidence() + " of "
                + overall.answerable() + " answerable questions answered with evidence; missed: " + results.failures().stream()
                .filter(a -> a.question().answerable()).map(a -> a.question().id()).toList());
    }

    @Test
    void the_first_sentence_of_an_answer_to_a_figure_question_gives_the_figure() {
        AnswerFigures figures = results.byAskedKind().get("figure");
        assertTrue(figures.evidenceFirstAmongAnswerable() >= FIGURE_FIRST_SENTENCE, () -> figures.withEvidenceFirst() + " of "
                + figures.answerable() + " figure questions answered by their first sentence; missed: " + results.answered()
                .stream().filter(a -> a.askedKind().equals("figure") && a.question().answerable() && !a.evidenceFirst())
                .map(a -> a.question().id()).toList());
    }

    @Test
    void every_citation_quotes_the_report_source_at_its_span_within_its_passage_and_is_marked() {
        List<String> problems = results.answered().stream().filter(a -> !a.problems().isEmpty())
                .map(a -> a.question().id() + ": " + a.problems()).toList();
        assertEquals(List.of(), problems);
        assertTrue(results.overall().citations() > results.answered().size(), "answers cite: " + results.overall().citations());
    }

    @Test
    void with_no_llm_every_answer_is_extractive_and_cited_or_a_refusal() {
        for (AnsweredQuestion a : results.answered()) {
            assertTrue(!(a.answer() instanceof Answer.Generated), a.question().id() + " was generated");
        }
        assertEquals(0, results.overall().uncitedAnswers(), "extractive answers without a citation");
    }
}
