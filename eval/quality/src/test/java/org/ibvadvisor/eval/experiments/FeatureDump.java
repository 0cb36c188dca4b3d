package org.ibvadvisor.eval.experiments;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ibvadvisor.embed.EmbeddingModelSpec;
import org.ibvadvisor.embed.OnnxEmbedder;
import org.ibvadvisor.eval.questions.EvidenceCases;
import org.ibvadvisor.eval.questions.Question;
import org.ibvadvisor.eval.questions.QuestionSet;
import org.ibvadvisor.eval.run.EvalCase;
import org.ibvadvisor.index.IndexSettings;
import org.ibvadvisor.index.ScoredChunk;
import org.ibvadvisor.retrieval.RetrievalRequest;
import org.ibvadvisor.retrieval.Retriever;
import org.ibvadvisor.retrieval.Retrievers;
import org.ibvadvisor.retrieval.confidence.ProperNouns;
import org.ibvadvisor.retrieval.confidence.QueryNames;
import org.ibvadvisor.retrieval.confidence.SignalConfidence;
import org.ibvadvisor.retrieval.store.ChunkStore;
import org.ibvadvisor.retrieval.store.LuceneChunkStore;

/** Prints the raw top score of each signal per question, to design the confidence estimator on dev. */
public final class FeatureDump {
    public static void main(String[] args) {
        List<Question> questions = QuestionSet.read(Path.of(args[1]), QuestionSet.Split.parse(System.getProperty("split", "dev")));
        try (OnnxEmbedder embedder = new OnnxEmbedder(EmbeddingModelSpec.BGE_SMALL_ZH_Q);
             ChunkStore chunks = LuceneChunkStore.open(Path.of(args[0]), IndexSettings.forModel(embedder.modelId(), embedder.dimensions()))) {
            Retrievers retrievers = new Retrievers(chunks, embedder);
            QueryNames names = new QueryNames(retrievers.catalog(), ProperNouns.bundled(), SignalConfidence.MAX_NAME_SHARE);
            String[] line = new String[1];
            Retriever retriever = retrievers.build(Variants.of(args[2]), (query, rankings, fused) -> {
                StringBuilder s = new StringBuilder();
                for (Map.Entry<String, List<ScoredChunk>> e : rankings.entrySet()) {
                    List<ScoredChunk> r = e.getValue();
                    float top = r.isEmpty() ? 0 : r.getFirst().score();
                    float second = r.size() < 2 ? 0 : r.get(1).score();
                    s.append(String.format(Locale.ROOT, " %s=%.3f/%.3f", e.getKey(), top, second));
                }
                String topId = fused.getFirst().chunk().id();
                StringBuilder agree = new StringBuilder();
                for (Map.Entry<String, List<ScoredChunk>> e : rankings.entrySet()) {
                    int rank = 0;
                    for (int i = 0; i < e.getValue().size(); i++) if (e.getValue().get(i).chunk().id().equals(topId)) { rank = i + 1; break; }
                    agree.append(" r_").append(e.getKey()).append('=').append(rank);
                }
                line[0] = s + agree.toString() + " F=" + org.ibvadvisor.retrieval.confidence.ConfidenceFeatures.of(query, rankings, fused, names).toString().replaceAll("[^0-9.,=a-zA-Z]", "").replace("ConfidenceFeatures", "");
                return 0.5;
            });
            for (EvalCase c : EvidenceCases.of(questions, retrievers.catalog().chunks())) {
                var r = retriever.retrieve(RetrievalRequest.of(c.query()));
                boolean hit1 = !r.passages().isEmpty() && c.relevant().test(r.passages().getFirst());
                System.out.println((c.answerable() ? "A" : "U") + (hit1 ? "+" : "-") + " " + c.id() + " " + c.type() + line[0]);
            }
        }
    }
}
