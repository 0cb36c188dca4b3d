package org.ibvadvisor.eval.experiments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ibvadvisor.answer.Citation;
import org.ibvadvisor.answer.decide.ConfidenceDecider;
import org.ibvadvisor.answer.decide.Decision;
import org.ibvadvisor.answer.extract.EmbeddingExtractor;
import org.ibvadvisor.answer.extract.Extractor;
import org.ibvadvisor.answer.extract.Finding;
import org.ibvadvisor.answer.extract.Findings;
import org.ibvadvisor.answer.extract.QuestionKind;
import org.ibvadvisor.answer.pipeline.AnswerSettings;

import org.ibvadvisor.embed.EmbeddingModelSpec;
import org.ibvadvisor.embed.OnnxEmbedder;
import org.ibvadvisor.eval.questions.EvidenceCases;
import org.ibvadvisor.eval.questions.Question;
import org.ibvadvisor.eval.questions.QuestionSet;
import org.ibvadvisor.index.IndexSettings;
import org.ibvadvisor.retrieval.Passage;
import org.ibvadvisor.retrieval.Retrieval;
import org.ibvadvisor.retrieval.RetrievalRequest;
import org.ibvadvisor.retrieval.Retriever;
import org.ibvadvisor.retrieval.Retrievers;
import org.ibvadvisor.retrieval.query.Glossary;
import org.ibvadvisor.retrieval.query.GlossaryTranslator;
import org.ibvadvisor.retrieval.query.QueryPreparer;
import org.ibvadvisor.retrieval.query.QueryTranslator;
import org.ibvadvisor.retrieval.store.ChunkStore;
import org.ibvadvisor.retrieval.store.LuceneChunkStore;

/**
 * Extractor variants over the questions the pipeline answers (not refuses) of a split: how many extractive answers
 * hold their evidence, as the answer suite judges it. Retrieval and the decision run once per question.
 * {@code java … ExtractorExperiments <index dir> <questions.jsonl> [split]}
 */
public final class ExtractorExperiments {
    public static void main(String[] args) {
        Path index = Path.of(args[0]);
        List<Question> questions = QuestionSet.read(Path.of(args[1]), QuestionSet.Split.parse(args.length > 2 ? args[2] : "dev"));
        AnswerSettings settings = AnswerSettings.defaults();
        try (OnnxEmbedder embedder = new OnnxEmbedder(EmbeddingModelSpec.BGE_SMALL_ZH_Q);
             ChunkStore chunks = LuceneChunkStore.open(index, IndexSettings.forModel(embedder.modelId(), embedder.dimensions()))) {
            Retriever hybrid = new Retrievers(chunks, embedder).hybrid();
            ConfidenceDecider decider = new ConfidenceDecider(settings.refusalThreshold(), settings.maxPassages(), settings.nearestFindings());
            List<Question> asked = new ArrayList<>();
            List<List<Passage>> given = new ArrayList<>();
            for (Question q : questions) {
                if (!q.answerable()) continue;
                Retrieval retrieval = hybrid.retrieve(new RetrievalRequest(q.question(), settings.retrieveK(), java.util.Set.of()));
                if (decider.decide(retrieval) instanceof Decision.Answerable answerable) {
                    asked.add(q);
                    given.add(answerable.passages());
                }
            }
            long reachable = java.util.stream.IntStream.range(0, asked.size())
                    .filter(i -> given.get(i).stream().anyMatch(p -> EvidenceCases.holdsEvidence(p.text(), asked.get(i).evidence())))
                    .count();
            System.out.printf(Locale.ROOT, "# %d answerable questions answered; passages hold evidence for %d%n", asked.size(), reachable);
            GlossaryTranslator glossaries = new GlossaryTranslator(List.of(Glossary.bundled(), Glossary.dictionary()));
            QueryPreparer translator = new QueryPreparer(glossaries, QueryPreparer.Translate.ENGLISH, QueryPreparer.DenseText.BOTH);
            QueryPreparer translationOnly = new QueryPreparer(glossaries, QueryPreparer.Translate.ENGLISH, QueryPreparer.DenseText.TRANSLATION);
            QueryPreparer asAsked = new QueryPreparer(QueryTranslator.NONE, QueryPreparer.Translate.NEVER,
                    QueryPreparer.DenseText.ORIGINAL);
            Map<String, Extractor> variants = new LinkedHashMap<>();
            EmbeddingExtractor.Settings base = EmbeddingExtractor.Settings.defaults();
            variants.put("before issue 15", new EmbeddingExtractor(embedder, base.withKinds(0, 0, false, 0)));
            variants.put("server default", EmbeddingExtractor.defaults(embedder));
            variants.put("leads only", new EmbeddingExtractor(embedder, base.withKinds(0, 0, true, 0)));
            for (String grid : System.getProperty("kinds", "0.03:0.05:0,0.06:0.08:0,0.1:0.1:0").split(",")) {
                String[] wm = grid.split(":");
                variants.put("kinds " + grid, new EmbeddingExtractor(embedder, base.withKinds(Double.parseDouble(wm[0]),
                        Double.parseDouble(wm[1]), true, Double.parseDouble(wm[2]))));
            }
            TreeSet<String> baseHits = null;
            for (Map.Entry<String, Extractor> variant : variants.entrySet()) {
                TreeSet<String> hits = new TreeSet<>();
                Map<QuestionKind, int[]> perKind = new java.util.EnumMap<>(QuestionKind.class);
                int inText = 0;
                for (int i = 0; i < asked.size(); i++) {
                    Question q = asked.get(i);
                    List<Finding> findings = variant.getValue().extract(q.question(), given.get(i), settings.extractiveSentences());
                    String text = Findings.extractiveAnswer(new org.ibvadvisor.answer.Question(q.question(), null, Set.of()).language(), findings);
                    List<Citation> citations = Findings.citations(findings);
                    if (EvidenceCases.holdsEvidence(text, q.evidence())) inText++;
                    boolean hit = EvidenceCases.holdsEvidence(text, q.evidence())
                            || citations.stream().anyMatch(c -> EvidenceCases.holdsEvidence(c.quote(), q.evidence()));
                    if (hit) hits.add(q.id());
                    boolean first = !findings.isEmpty() && EvidenceCases.holdsEvidence(findings.getFirst().readable(), q.evidence());
                    int[] k = perKind.computeIfAbsent(QuestionKind.of(q.question()), x -> new int[3]);
                    k[0]++;
                    if (hit) k[1]++;
                    if (first) k[2]++;
                    if (System.getProperty("verbose") != null && variant.getKey().equals(System.getProperty("verbose")) && !hit) {
                        System.out.println("  MISS " + q.id() + " " + QuestionKind.of(q.question()) + " " + q.question() + " => "
                                + findings.stream().map(f -> f.readable().substring(0, Math.min(40, f.readable().length()))).toList());
                    }
                }
                if (baseHits == null) baseHits = hits;
                TreeSet<String> gained = new TreeSet<>(hits);
                gained.removeAll(baseHits);
                TreeSet<String> lost = new TreeSet<>(baseHits);
                lost.removeAll(hits);
                StringBuilder kinds = new StringBuilder();
                perKind.forEach((kind, k) -> kinds.append(String.format(Locale.ROOT, " %s %d/%d first %d;", kind, k[1], k[0], k[2])));
                System.out.printf(Locale.ROOT, "| %s | %d/%d (%.3f) | text %d |%s | +%s | -%s |%n", variant.getKey(), hits.size(), asked.size(),
                        hits.size() / (double) asked.size(), inText, kinds, gained, lost);
            }
        }
    }

    /** The server's extractor settings (rank prior 0.05, 12 characters, 60 candidates) with the knobs tried here. */
    private static EmbeddingExtractor.Settings settings(QueryPreparer queries, int perPassage, double lambda,
                                                        boolean noQuestions, boolean noNotes) {
        return new EmbeddingExtractor.Settings(queries, lambda, 0.05, 12, 60, perPassage, noQuestions, noNotes);
    }
}
