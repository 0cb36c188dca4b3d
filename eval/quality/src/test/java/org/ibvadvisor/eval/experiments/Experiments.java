package org.ibvadvisor.eval.experiments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ibvadvisor.embed.EmbeddingModelSpec;
import org.ibvadvisor.embed.OnnxEmbedder;
import org.ibvadvisor.eval.metrics.MetricReport;
import org.ibvadvisor.eval.metrics.MetricSummary;
import org.ibvadvisor.eval.metrics.RefusalMetrics;
import org.ibvadvisor.eval.questions.EvidenceCases;
import org.ibvadvisor.eval.questions.Question;
import org.ibvadvisor.eval.questions.QuestionSet;
import org.ibvadvisor.eval.run.EvalCase;
import org.ibvadvisor.eval.run.Evaluation;
import org.ibvadvisor.eval.run.RetrieverRun;
import org.ibvadvisor.index.IndexSettings;
import org.ibvadvisor.retrieval.RetrievalSettings;
import org.ibvadvisor.retrieval.Retrievers;
import org.ibvadvisor.retrieval.store.ChunkStore;
import org.ibvadvisor.retrieval.store.LuceneChunkStore;

/**
 * Runs named variants of the retriever over the dev split and prints one Markdown table row each.
 * {@code java … Experiments <index dir> <questions.jsonl> <variant>…}
 */
public final class Experiments {
    public static void main(String[] args) {
        Path index = Path.of(args[0]);
        List<Question> questions = QuestionSet.read(Path.of(args[1]), QuestionSet.Split.parse(System.getProperty("split", "dev")));
        try (OnnxEmbedder embedder = new OnnxEmbedder(EmbeddingModelSpec.byId(System.getProperty("model", "bge-small-zh-v1.5-q")));
             ChunkStore chunks = LuceneChunkStore.open(index, IndexSettings.forModel(embedder.modelId(), embedder.dimensions()))) {
            Retrievers retrievers = new Retrievers(chunks, embedder);
            List<EvalCase> cases = EvidenceCases.of(questions, retrievers.catalog().chunks());
            long none = cases.stream().filter(c -> c.answerable() && c.totalRelevant() == 0).count();
            System.out.println("# " + cases.size() + " questions, " + retrievers.catalog().chunkCount() + " chunks; answerable with evidence in no single chunk: " + none);
            System.out.println("| variant | hit@1 | hit@5 | MRR@10 | nDCG@10 | EN hit@1 | EN hit@5 | EN MRR@10 | para hit@5 | refusal P/R (refused answerable) | p50 ms |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
            for (int i = 2; i < args.length; i++) {
                String variant = args[i];
                RetrieverRun run = Evaluation.run(variant, retrievers.build(Variants.of(variant)), cases, 10);
                MetricReport report = run.metrics();
                MetricSummary all = report.overall();
                MetricSummary en = report.byType().get("english");
                MetricSummary para = report.byType().get("paraphrase");
                RefusalMetrics refusal = run.refusal(RetrievalSettings.REFUSAL_THRESHOLD);
                System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.2f/%.2f (%d) | %.2f |%n", variant,
                        all.hitAt(1), all.hitAt(5), all.mrr(), all.ndcg(), en.hitAt(1), en.hitAt(5), en.mrr(), para.hitAt(5),
                        refusal.precision(), refusal.recall(), refusal.falsePositives(), run.totalMsPercentile(50));
                String perQuestion = System.getProperty("perQuestion");
                if (perQuestion != null) PerQuestion.append(Path.of(perQuestion), variant, run);
                if (Boolean.getBoolean("misses")) {
                    run.results().stream().filter(r -> r.evalCase().answerable() && !r.relevantAtRank().subList(0, Math.min(5, r.relevantAtRank().size())).contains(true))
                            .forEach(r -> System.out.println("  miss " + r.evalCase().id() + " " + r.evalCase().type() + " " + r.evalCase().query()));
                }
            }
        }
    }
}
