package org.ibvadvisor.eval.run;

import java.util.ArrayList;
import java.util.List;
import org.ibvadvisor.retrieval.Passage;
import org.ibvadvisor.retrieval.Retrieval;
import org.ibvadvisor.retrieval.RetrievalRequest;
import org.ibvadvisor.retrieval.Retriever;

/** Runs one retriever over cases, top {@code k} each, and judges every returned passage. */
public final class Evaluation {
    private Evaluation() {
    }

    public static RetrieverRun run(String name, Retriever retriever, List<EvalCase> cases, int k) {
        List<CaseResult> results = new ArrayList<>(cases.size());
        for (EvalCase evalCase : cases) {
            Retrieval retrieval = retriever.retrieve(new RetrievalRequest(evalCase.query(), k, java.util.Set.of()));
            List<Boolean> relevant = new ArrayList<>(retrieval.passages().size());
            for (Passage passage : retrieval.passages()) relevant.add(evalCase.relevant().test(passage));
            results.add(new CaseResult(evalCase, relevant, retrieval));
        }
        return new RetrieverRun(name, results);
    }
}
