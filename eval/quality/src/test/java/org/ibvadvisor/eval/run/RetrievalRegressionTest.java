package org.ibvadvisor.eval.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ibvadvisor.eval.metrics.MetricReport;
import org.ibvadvisor.eval.metrics.MetricSummary;
import org.ibvadvisor.eval.metrics.RefusalMetrics;
import org.ibvadvisor.eval.questions.QuestionSet;
import org.ibvadvisor.eval.report.EvalResults;
import org.ibvadvisor.eval.report.MarkdownReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The regression gate: on the TEST split (nothing was tuned on it), the hybrid that {@code /api/retrieve} serves
 * keeps the figures it reached, a little under the measured values, and beats every single signal. Ingests the
 * bundled corpus with the real model once (chunks and their sentences: about half a minute on an idle machine, several
 * minutes under heavy load).
 */
class RetrievalRegressionTest {
    /**
     * Measured (see eval/reports/retrieval/): hit@5 0.944, MRR@10 0.861, English hit@5 0.833 (20 of 24) since queries
     * are embedded without BGE's instruction (before: 0.951, 0.877, 0.875; the change was chosen on the dev split and
     * RGB-zh); one or two questions of slack below each.
     */
    private static final double HIT_AT_5 = 0.93;
    private static final double MRR_AT_10 = 0.85;
    private static final double ENGLISH_HIT_AT_5 = 0.79;
    /**
     * Answerable questions the refusal threshold may turn away (measured: 0 of 143). Refusal precision is not gated:
     * 1.0 (4 of 15 unanswerable refused, no answerable one) after changes some of which earlier test runs prompted
     * (see eval/reports/experiments.md, section 17); too few refusals to hold to a figure.
     */
    private static final double MAX_ANSWERABLE_REFUSED = 0.03;

    private static IngestedCorpus corpus;
    private static EvalResults results;

    @BeforeAll
    static void run() {
        corpus = IngestedCorpus.ingest();
        results = QuestionSuite.run(corpus.retrievers, IngestedCorpus.questions(QuestionSet.Split.TEST),
                List.of("bm25", "bigram", "dense", "sentence", "dense-sentence", "hybrid"), 10, "test split");
        System.out.print(MarkdownReport.table(results));
    }

    @AfterAll
    static void close() {
        if (corpus != null) corpus.close();
    }

    @Test
    void hybrid_keeps_hit_at_5_and_mrr_at_10_on_the_test_split() {
        MetricSummary overall = results.metrics("hybrid").overall();
        assertTrue(overall.hitAt(5) >= HIT_AT_5, "hit@5 " + overall.hitAt(5) + " < " + HIT_AT_5);
        assertTrue(overall.mrr() >= MRR_AT_10, "MRR@10 " + overall.mrr() + " < " + MRR_AT_10);
    }

    @Test
    void english_questions_keep_their_hit_at_5() {
        MetricSummary english = results.metrics("hybrid").byType().get("english");
        assertTrue(english.hitAt(5) >= ENGLISH_HIT_AT_5, "English hit@5 " + english.hitAt(5) + " < " + ENGLISH_HIT_AT_5);
    }

    @Test
    void hybrid_beats_each_single_signal_on_mrr_at_10() {
        double hybrid = results.metrics("hybrid").overall().mrr();
        for (String single : List.of("bm25", "bigram", "dense", "sentence", "dense-sentence")) {
            MetricReport report = results.metrics(single);
            assertTrue(hybrid > report.overall().mrr(), "hybrid " + hybrid + " vs " + single + " " + report.overall().mrr());
        }
    }

    @Test
    void the_refusal_threshold_turns_away_almost_no_answerable_question() {
        RefusalMetrics refusal = results.refusal("hybrid").orElseThrow();
        double answerable = refusal.falsePositives() + refusal.trueNegatives();
        assertTrue(refusal.falsePositives() / answerable <= MAX_ANSWERABLE_REFUSED,
                refusal.falsePositives() + " of " + (int) answerable + " answerable questions refused");
    }
}
