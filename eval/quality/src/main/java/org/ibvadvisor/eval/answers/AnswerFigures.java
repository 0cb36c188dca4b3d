package org.ibvadvisor.eval.answers;

import java.util.Collection;
import org.ibvadvisor.eval.metrics.Samples;
import org.ibvadvisor.eval.metrics.RefusalMetrics;

/**
 * The answer suite's figures over a group of answered questions.
 *
 * @param questions             how many
 * @param answerable            how many have evidence
 * @param answerableAnswered    answerable ones not refused
 * @param withEvidence          answerable ones answered (not refused) with evidence in text or quotes
 * @param withEvidenceInText    of those, the ones whose text itself holds it (not only a quote, which runs from the
 *                              first to the last sentence quoted from a passage)
 * @param withEvidenceFirst     of those, the ones whose first sentence holds it ({@link AnsweredQuestion#evidenceFirst})
 * @param evidenceGiven         answerable ones answered from passages of which one held evidence (the most
 *                              extraction could reach)
 * @param refusal               refusals against answerability (positive: refused; true positive: an
 *                              unanswerable question refused)
 * @param citations             citations in all answers
 * @param invalidCitations      citations that failed {@link CitationCheck}
 * @param markProblems          marks without a citation and citations without a mark, in all answers
 * @param uncitedAnswers        answers (not refusals) without a citation
 * @param latencyP50Ms          median wall-clock answer time
 * @param latencyP90Ms          90th percentile (nearest rank)
 */
public record AnswerFigures(int questions, int answerable, int answerableAnswered, int withEvidence,
                            int withEvidenceInText, int withEvidenceFirst, int evidenceGiven, RefusalMetrics refusal, int citations,
                            int invalidCitations, int markProblems, int uncitedAnswers, double latencyP50Ms,
                            double latencyP90Ms) {

    public static AnswerFigures of(Collection<AnsweredQuestion> answered, double refusalThreshold) {
        int answerable = 0, answerableAnswered = 0, withEvidence = 0, inText = 0, first = 0, given = 0, tp = 0, fp = 0, fn = 0, tn = 0;
        int citations = 0, invalid = 0, marks = 0, uncited = 0;
        for (AnsweredQuestion a : answered) {
            boolean refused = a.refused();
            if (a.question().answerable()) {
                answerable++;
                if (refused) fp++;
                else {
                    tn++;
                    answerableAnswered++;
                    if (a.evidenceFound()) withEvidence++;
                    if (a.evidenceInText()) inText++;
                    if (a.evidenceFirst()) first++;
                    if (a.evidenceGiven() > 0) given++;
                }
            } else if (refused) tp++;
            else fn++;
            citations += a.answer().citations().size();
            invalid += a.invalidCitations();
            marks += CitationCheck.markProblems(a.answer()).size();
            if (!refused && a.answer().citations().isEmpty()) uncited++;
        }
        Samples latency = Samples.of(answered.stream().map(AnsweredQuestion::latencyMs).toList());
        return new AnswerFigures(answered.size(), answerable, answerableAnswered, withEvidence, inText, first, given,
                new RefusalMetrics(refusalThreshold, tp, fp, fn, tn), citations, invalid, marks, uncited,
                latency.percentile(50), latency.percentile(90));
    }

    /** Evidence share among the answerable questions answered; NaN when none was answered. */
    public double evidenceAmongAnswered() {
        return share(withEvidence, answerableAnswered);
    }

    /** Evidence share among all answerable questions, refusals counting as misses (the gate's figure). */
    public double evidenceAmongAnswerable() {
        return share(withEvidence, answerable);
    }

    /** Share of answerable questions whose answer's first sentence holds evidence (refusals count as misses). */
    public double evidenceFirstAmongAnswerable() {
        return share(withEvidenceFirst, answerable);
    }

    /** Share of citations that passed the check; NaN when there were none. */
    public double citationValidity() {
        return share(citations - invalidCitations, citations);
    }

    public int unanswerable() {
        return questions - answerable;
    }

    private static double share(int part, int whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }
}
