package org.ibvadvisor.eval.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.ibvadvisor.eval.questions.EvidenceCases;
import org.ibvadvisor.eval.questions.Question;
import org.ibvadvisor.eval.report.EvalResults;
import org.ibvadvisor.retrieval.RetrievalRequest;
import org.ibvadvisor.retrieval.RetrievalSettings;
import org.ibvadvisor.retrieval.Retriever;
import org.ibvadvisor.retrieval.Retrievers;

/** The team's question set run through named retrievers of one index: {@code ./advisor eval retrieval}. */
public final class QuestionSuite {
    private QuestionSuite() {
    }

    /**
     * @param names retriever names ({@link Retrievers#NAMES})
     * @param k     passages retrieved per question
     * @param label what the questions are, for the title (e.g. {@code test split})
     */
    public static EvalResults run(Retrievers retrievers, List<Question> questions, List<String> names, int k, String label) {
        List<EvalCase> cases = EvidenceCases.of(questions, retrievers.catalog().chunks());
        List<RetrieverRun> runs = new ArrayList<>();
        for (String name : names) {
            Retriever retriever = retrievers.byName(name);
            warmUp(retriever, cases);
            runs.add(Evaluation.run(name, retriever, cases, k));
        }
        long unanswerable = cases.stream().filter(c -> !c.answerable()).count();
        String description = String.format(Locale.ROOT, "%d questions (%d unanswerable) over %d chunks of %d reports; top %d "
                        + "passages per question. A passage is relevant when its text, whitespace removed, contains one of the "
                        + "question's evidence strings.", cases.size(), unanswerable, retrievers.catalog().chunkCount(),
                retrievers.catalog().reports().size(), k);
        return EvalResults.of("Retrieval on the IBV question set (" + label + ")", description, runs,
                OptionalDouble.of(RetrievalSettings.REFUSAL_THRESHOLD));
    }

    /** A few queries first, so that latency figures are warm (JIT, ONNX session, Lucene caches). */
    static void warmUp(Retriever retriever, List<EvalCase> cases) {
        for (int i = 0; i < Math.min(20, cases.size()); i++) retriever.retrieve(RetrievalRequest.of(cases.get(i).query()));
    }
}
