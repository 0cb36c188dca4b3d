package org.ibvadvisor.eval.experiments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ibvadvisor.embed.EmbeddingModelSpec;
import org.ibvadvisor.embed.OnnxEmbedder;
import org.ibvadvisor.index.IndexSettings;
import org.ibvadvisor.index.LexicalField;
import org.ibvadvisor.index.ScoredChunk;
import org.ibvadvisor.eval.questions.Question;
import org.ibvadvisor.eval.questions.QuestionSet;
import org.ibvadvisor.eval.metrics.Samples;
import org.ibvadvisor.retrieval.RetrievalSettings;
import org.ibvadvisor.retrieval.catalog.ChunkCatalog;
import org.ibvadvisor.retrieval.signal.DenseSignal;
import org.ibvadvisor.retrieval.signal.LexicalSignal;
import org.ibvadvisor.retrieval.signal.SearchQuery;
import org.ibvadvisor.retrieval.signal.SentenceSignal;
import org.ibvadvisor.retrieval.signal.Signal;
import org.ibvadvisor.retrieval.fuse.Fused;
import org.ibvadvisor.retrieval.fuse.ScoreFuser;
import org.ibvadvisor.retrieval.query.Glossary;
import org.ibvadvisor.retrieval.query.GlossaryTranslator;
import org.ibvadvisor.retrieval.query.QueryPreparer;
import org.ibvadvisor.retrieval.query.QueryTexts;
import org.ibvadvisor.retrieval.passage.PassageAssembler;
import org.ibvadvisor.retrieval.confidence.SignalConfidence;
import org.ibvadvisor.retrieval.store.ChunkStore;
import org.ibvadvisor.retrieval.store.LuceneChunkStore;

/**
 * Times each stage of the hybrid in one process over every question of the set, 4 rounds: {@code StageProbe <index>
 * <questions.jsonl>}. Not a benchmark of the server (see {@code ./advisor bench retrieve}); it shows where the time goes.
 */
public final class StageProbe {
    public static void main(String[] a) {
        List<String> qs = QuestionSet.read(Path.of(a[1]), QuestionSet.Split.ALL).stream().map(Question::question).toList();
        try (OnnxEmbedder e = new OnnxEmbedder(EmbeddingModelSpec.BGE_SMALL_ZH_Q, 2, 1, 1);
             ChunkStore index = LuceneChunkStore.open(Path.of(a[0]), IndexSettings.forModel(e.modelId(), e.dimensions()))) {
            ChunkCatalog catalog = ChunkCatalog.load(index);
            RetrievalSettings st = RetrievalSettings.defaults();
            QueryPreparer prep = new QueryPreparer(new GlossaryTranslator(List.of(Glossary.bundled(), Glossary.dictionary())), st.translate(), st.denseText());
            Map<String, Signal> sig = new LinkedHashMap<>();
            sig.put("sentence", new SentenceSignal(catalog, "sentence", 2));
            sig.put("bm25", new LexicalSignal(index, catalog, LexicalField.SMARTCN, "bm25"));
            sig.put("dense", DenseSignal.overChunks(index, catalog, "dense"));
            sig.put("dense-sentence", DenseSignal.overSentences(index, catalog, "dense-sentence"));
            ScoreFuser fuser = new ScoreFuser(st.weights(), Map.of());
            PassageAssembler asm = new PassageAssembler(catalog, 2);
            SignalConfidence conf = SignalConfidence.tuned(catalog);
            Map<String, List<Double>> t = new LinkedHashMap<>();
            for (int round = 0; round < 4; round++) {
                t.clear();
                for (String q : qs) {
                    long s0 = System.nanoTime();
                    QueryTexts texts = prep.prepare(q);
                    long s1 = System.nanoTime();
                    float[] v = e.embedPassages(List.of(texts.dense())).getFirst();
                    long s2 = System.nanoTime();
                    add(t, "prepare", s1 - s0); add(t, "embed", s2 - s1);
                    SearchQuery sq = new SearchQuery(q, texts.lexical(), v);
                    Map<String, List<ScoredChunk>> rankings = new LinkedHashMap<>();
                    long s = s2;
                    for (var en : sig.entrySet()) {
                        rankings.put(en.getKey(), en.getValue().search(sq, 40, Set.of()));
                        long n = System.nanoTime(); add(t, en.getKey(), n - s); s = n;
                    }
                    List<Fused> fused = fuser.fuse(rankings);
                    long n1 = System.nanoTime(); add(t, "fuse", n1 - s);
                    asm.assemble(fused, 10);
                    long n2 = System.nanoTime(); add(t, "assemble", n2 - n1);
                    conf.estimate(sq, rankings, fused);
                    long n3 = System.nanoTime(); add(t, "confidence", n3 - n2);
                    add(t, "total", n3 - s0);
                }
            }
            t.forEach((k, l) -> System.out.printf("%-15s p50 %.3f  p90 %.3f mean %.3f%n", k, Samples.of(l).p50(), Samples.of(l).percentile(90), l.stream().mapToDouble(x->x).average().orElse(0)));
        }
    }
    private static void add(Map<String, List<Double>> t, String k, long nanos) { t.computeIfAbsent(k, x -> new ArrayList<>()).add(nanos / 1e6); }
}
