package org.ibvadvisor.eval.experiments;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ibvadvisor.embed.EmbeddingModelSpec;
import org.ibvadvisor.embed.OnnxEmbedder;
import org.ibvadvisor.eval.metrics.MetricSummary;
import org.ibvadvisor.eval.report.EvalResults;
import org.ibvadvisor.eval.rgb.RgbData;
import org.ibvadvisor.eval.rgb.RgbPool;
import org.ibvadvisor.eval.run.EvalCase;
import org.ibvadvisor.eval.run.Evaluation;
import org.ibvadvisor.eval.run.RetrieverRun;
import org.ibvadvisor.retrieval.Retrievers;
import org.ibvadvisor.retrieval.store.ChunkStore;

/** Variants over the cached RGB pool: {@code <data dir> <cache dir> <variant>…}; one table row each. */
public final class RgbExperiments {
    public static void main(String[] args) {
        RgbData data = RgbData.read(Path.of(args[0]));
        try (OnnxEmbedder embedder = new OnnxEmbedder(EmbeddingModelSpec.BGE_SMALL_ZH_Q);
             ChunkStore pool = RgbPool.open(data, Path.of(args[1]), embedder, RgbPool.Progress.NONE)) {
            Retrievers retrievers = new Retrievers(pool, embedder);
            List<EvalCase> cases = data.queries().stream().map(q -> new EvalCase(q.id(), "rgb", q.query(),
                    p -> q.positives().contains(p.reportId()), q.positives().size(), true)).toList();
            System.out.println("| variant | hit@1 | hit@5 | MRR@10 | nDCG@10 |");
            System.out.println("|---|---|---|---|---|");
            for (int i = 2; i < args.length; i++) {
                RetrieverRun run = Evaluation.run(args[i], retrievers.build(Variants.of(args[i])), cases, 10);
                MetricSummary all = run.metrics().overall();
                String perQuestion = System.getProperty("perQuestion");
                if (perQuestion != null) PerQuestion.append(Path.of(perQuestion), args[i], run);
                System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f |%n", args[i], all.hitAt(1), all.hitAt(5), all.mrr(), all.ndcg());
            }
        }
    }
}
