package org.ibvadvisor.eval.rgb;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.ibvadvisor.eval.report.EvalResults;
import org.ibvadvisor.eval.run.EvalCase;
import org.ibvadvisor.eval.run.Evaluation;
import org.ibvadvisor.eval.run.RetrieverRun;
import org.ibvadvisor.retrieval.RetrievalRequest;
import org.ibvadvisor.retrieval.Retriever;
import org.ibvadvisor.retrieval.Retrievers;

/**
 * RGB-zh through the same retrievers: every query against the whole pool; a passage is relevant when it is one of
 * the query's positives; nDCG's ideal ranking holds min(#positives, 10) relevant passages.
 */
public final class RgbSuite {
    private RgbSuite() {
    }

    /** @param retrievers built over the index {@link RgbPool#open} returned for {@code data} */
    public static EvalResults run(Retrievers retrievers, RgbData data, List<String> names, int k) {
        List<EvalCase> cases = new ArrayList<>(data.queries().size());
        for (RgbData.RgbQuery query : data.queries()) {
            cases.add(new EvalCase(query.id(), "rgb", query.query(), passage -> query.positives().contains(passage.reportId()),
                    query.positives().size(), !query.positives().isEmpty()));
        }
        List<RetrieverRun> runs = new ArrayList<>();
        for (String name : names) {
            Retriever retriever = retrievers.byName(name);
            for (int i = 0; i < Math.min(20, cases.size()); i++) retriever.retrieve(RetrievalRequest.of(cases.get(i).query()));
            runs.add(Evaluation.run(name, retriever, cases, k));
        }
        String description = String.format(Locale.ROOT, "RGB-zh (zh_refine, Chen et al. 2024): %d queries against a pool of %d "
                + "distinct passages (positives and negatives of every query), one passage per chunk; top %d per query. "
                + "A passage is relevant when it is one of the query's positives.", cases.size(), data.passages().size(), k);
        return EvalResults.of("Retrieval on the RGB-zh pool", description, runs, OptionalDouble.empty());
    }
}
