package org.ibvadvisor.eval.run;

import java.util.List;
import org.ibvadvisor.eval.metrics.ConfidenceJudgement;
import org.ibvadvisor.eval.metrics.RankedJudgement;
import org.ibvadvisor.retrieval.Retrieval;

/**
 * What one retriever returned for one case, judged.
 *
 * @param evalCase       the case
 * @param relevantAtRank whether the passage at each rank is relevant, best first
 * @param retrieval      what the retriever returned
 */
public record CaseResult(EvalCase evalCase, List<Boolean> relevantAtRank, Retrieval retrieval) {
    public CaseResult {
        relevantAtRank = List.copyOf(relevantAtRank);
    }

    /**
     * The ranking judgement; {@code totalRelevant} is the index count, raised to what was returned when passages
     * merged from neighbours hold evidence no single chunk holds (so nDCG stays within 0..1).
     */
    public RankedJudgement judgement() {
        int returned = (int) relevantAtRank.stream().filter(Boolean::booleanValue).count();
        int total = evalCase.answerable() ? Math.max(Math.max(1, evalCase.totalRelevant()), returned) : returned;
        return new RankedJudgement(evalCase.id(), evalCase.type(), relevantAtRank, total);
    }

    public ConfidenceJudgement confidence() {
        return new ConfidenceJudgement(evalCase.id(), evalCase.answerable(), retrieval.confidence());
    }
}
