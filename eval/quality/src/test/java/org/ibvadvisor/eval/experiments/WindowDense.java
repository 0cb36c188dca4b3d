package org.ibvadvisor.eval.experiments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.ibvadvisor.chunk.Chunk;
import org.ibvadvisor.text.SentenceSplitter;
import org.ibvadvisor.embed.EmbeddingModelSpec;
import org.ibvadvisor.embed.OnnxEmbedder;
import org.ibvadvisor.eval.metrics.MetricSummary;
import org.ibvadvisor.eval.questions.EvidenceCases;
import org.ibvadvisor.eval.questions.QuestionSet;
import org.ibvadvisor.eval.run.EvalCase;
import org.ibvadvisor.eval.rgb.RgbData;
import org.ibvadvisor.eval.rgb.RgbPool;
import org.ibvadvisor.eval.run.Evaluation;
import org.ibvadvisor.eval.run.RetrieverRun;
import org.ibvadvisor.index.IndexSettings;
import org.ibvadvisor.index.LexicalField;
import org.ibvadvisor.index.ScoredChunk;
import org.ibvadvisor.retrieval.HybridRetriever;
import org.ibvadvisor.retrieval.Retrievers;
import org.ibvadvisor.retrieval.catalog.ChunkCatalog;
import org.ibvadvisor.retrieval.fuse.ScoreFuser;
import org.ibvadvisor.retrieval.passage.PassageAssembler;
import org.ibvadvisor.retrieval.query.Glossary;
import org.ibvadvisor.retrieval.query.GlossaryTranslator;
import org.ibvadvisor.retrieval.query.QueryPreparer;
import org.ibvadvisor.retrieval.signal.DenseSignal;
import org.ibvadvisor.retrieval.signal.LexicalSignal;
import org.ibvadvisor.retrieval.signal.SearchQuery;
import org.ibvadvisor.retrieval.signal.SentenceSignal;
import org.ibvadvisor.retrieval.signal.Signal;
import org.ibvadvisor.retrieval.store.ChunkStore;
import org.ibvadvisor.retrieval.store.LuceneChunkStore;

/**
 * Would a second dense signal over sentence windows help? Embeds every window of {@code window} sentences of every
 * chunk at start (not in the index), scores a chunk by its best window's cosine, and fuses it with the default signals.
 * {@code WindowDense <index> <questions> <window> <weights…>}, a weight spec like {@code sentence:1+bm25:0.7+dense:1+wdense:0.5}.
 */
public final class WindowDense {

    public static void main(String[] args) {
        int window = Integer.parseInt(args[2]);
        String rgb = System.getProperty("rgb");
        RgbData data = rgb == null ? null : RgbData.read(Path.of(rgb));
        try (OnnxEmbedder embedder = new OnnxEmbedder(EmbeddingModelSpec.BGE_SMALL_ZH_Q);
             ChunkStore index = data != null ? RgbPool.open(data, Path.of(args[0]), embedder, RgbPool.Progress.NONE)
                     : LuceneChunkStore.open(Path.of(args[0]), IndexSettings.forModel(embedder.modelId(), embedder.dimensions()))) {
            Retrievers retrievers = new Retrievers(index, embedder);
            ChunkCatalog catalog = retrievers.catalog();
            List<Chunk> chunks = catalog.chunks();
            List<String> texts = new ArrayList<>();
            List<Integer> owners = new ArrayList<>();
            for (int c = 0; c < chunks.size(); c++) {
                List<String> sentences = SentenceSplitter.CHUNK_LINES.texts(chunks.get(c).cleanText());
                int windows = Math.max(1, sentences.size() - window + 1);
                for (int w = 0; w < windows; w++) {
                    texts.add(String.join("", sentences.subList(Math.min(w, sentences.size()), Math.min(sentences.size(), w + window))));
                    owners.add(c);
                }
            }
            long started = System.nanoTime();
            List<float[]> vectors = new ArrayList<>();
            for (int from = 0; from < texts.size(); from += 32) vectors.addAll(embedder.embedPassages(texts.subList(from, Math.min(texts.size(), from + 32))));
            System.out.printf(Locale.ROOT, "# %d windows of %d sentences embedded in %.1f s%n", texts.size(), window, (System.nanoTime() - started) / 1e9);
            Signal windowDense = new Signal() {
                @Override
                public String name() {
                    return "wdense";
                }

                @Override
                public List<ScoredChunk> search(SearchQuery query, int depth, Set<String> reports) {
                    float[] best = new float[chunks.size()];
                    java.util.Arrays.fill(best, -2);
                    for (int i = 0; i < vectors.size(); i++) {
                        float[] v = vectors.get(i);
                        float dot = 0;
                        for (int d = 0; d < v.length; d++) dot += v[d] * query.vector()[d];
                        int c = owners.get(i);
                        if (dot > best[c]) best[c] = dot;
                    }
                    List<ScoredChunk> found = new ArrayList<>();
                    for (int c = 0; c < chunks.size(); c++) found.add(new ScoredChunk(chunks.get(c), best[c]));
                    found.sort((a, b) -> Float.compare(b.score(), a.score()));
                    return List.copyOf(found.subList(0, Math.min(depth, found.size())));
                }

                @Override
                public boolean needsVector() {
                    return true;
                }
            };
            List<EvalCase> cases = data != null
                    ? data.queries().stream().map(q -> new EvalCase(q.id(), "rgb", q.query(), p -> q.positives().contains(p.reportId()), q.positives().size(), true)).toList()
                    : EvidenceCases.of(QuestionSet.read(Path.of(args[1]), QuestionSet.Split.parse(System.getProperty("split", "dev"))), chunks);
            System.out.println("| weights | hit@1 | hit@5 | MRR@10 | nDCG@10 | EN hit@5 | para hit@5 |");
            System.out.println("|---|---|---|---|---|---|---|");
            QueryPreparer preparer = new QueryPreparer(new GlossaryTranslator(List.of(Glossary.bundled(), Glossary.dictionary())),
                    QueryPreparer.Translate.ENGLISH, QueryPreparer.DenseText.TRANSLATION);
            for (int a = 3; a < args.length; a++) {
                Map<String, Double> weights = new LinkedHashMap<>();
                for (String part : args[a].split("\\+")) weights.put(part.split(":")[0], Double.parseDouble(part.split(":")[1]));
                List<Signal> signals = new ArrayList<>();
                for (String name : weights.keySet()) {
                    signals.add(switch (name) {
                        case "sentence" -> new SentenceSignal(catalog, name, 2);
                        case "bm25" -> new LexicalSignal(index, catalog, LexicalField.SMARTCN, name);
                        case "dense" -> new DenseSignal(index, catalog, name);
                        case "wdense" -> windowDense;
                        default -> throw new IllegalArgumentException(name);
                    });
                }
                HybridRetriever retriever = new HybridRetriever(catalog, preparer, embedder, true, signals, 40,
                        new ScoreFuser(weights, Map.of()), new PassageAssembler(catalog, 2), retrievers.confidence());
                RetrieverRun run = Evaluation.run(args[a], retriever, cases, 10);
                MetricSummary all = run.metrics().overall();
                MetricSummary en = run.metrics().byType().get("english"), para = run.metrics().byType().get("paraphrase");
                System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n", args[a], all.hitAt(1), all.hitAt(5), all.mrr(), all.ndcg(),
                        en == null ? 0 : en.hitAt(5), para == null ? 0 : para.hitAt(5));
            }
        }
    }
}
