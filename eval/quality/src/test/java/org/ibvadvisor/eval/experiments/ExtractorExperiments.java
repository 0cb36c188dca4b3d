package org.ibvadvisor.eval.experiments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.ibvadvisor.answer.Citation;
import org.ibvadvisor.answer.decide.ConfidenceDecider;
import org.ibvadvisor.answer.decide.Decision;
import org.ibvadvisor.answer.extract.EmbeddingExtractor;
import org.ibvadvisor.answer.extract.Extractor;
import org.ibvadvisor.answer.extract.Finding;
import org.ibvadvisor.answer.extract.Findings;
import org.ibvadvisor.answer.pipeline.AnswerSettings;
import org.ibvadvisor.answer.text.Language;
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
            ExtractorVariant.Options base = ExtractorVariant.Options.defaults();
            Map<String, Extractor> variants = new LinkedHashMap<>();
            variants.put("server default", EmbeddingExtractor.defaults(embedder));
            String only = System.getProperty("variants", "");
            ExtractorVariant.Options p3 = base.perPassage(3);
            Map<String, ExtractorVariant.Options> options = new LinkedHashMap<>();
            options.put("translate EN", base.translate(translator));
            options.put("translation only EN", base.translate(translationOnly));
            options.put("translate EN + no notes", base.translate(translator).noNotes());
            options.put("3pp + translation only EN", p3.translate(translationOnly));
            options.put("3 per passage", p3);
            options.put("4 per passage", base.perPassage(4));
            options.put("3pp + no questions", p3.noQuestions());
            options.put("3pp + no notes", p3.noNotes());
            options.put("3pp + translate EN", p3.translate(translator));
            options.put("3pp + lambda 0.8", p3.lambda(0.8));
            options.put("3pp + no q + no notes", p3.noQuestions().noNotes());
            options.put("3pp + no q + no notes + translate", p3.noQuestions().noNotes().translate(translator));
            options.put("3pp + no q + no notes + lambda 0.8", p3.noQuestions().noNotes().lambda(0.8));
            options.put("3pp + no q + translate", p3.noQuestions().translate(translator));
            options.forEach((name, o) -> {
                if (only.isEmpty() || java.util.Arrays.asList(only.split(",")).contains(name)) variants.put(name, new ExtractorVariant(embedder, o));
            });
            TreeSet<String> baseHits = null;
            for (Map.Entry<String, Extractor> variant : variants.entrySet()) {
                TreeSet<String> hits = new TreeSet<>();
                int inText = 0;
                for (int i = 0; i < asked.size(); i++) {
                    Question q = asked.get(i);
                    List<Finding> findings = variant.getValue().extract(q.question(), given.get(i), settings.extractiveSentences());
                    String text = Findings.extractiveAnswer(Language.of(q.question()), findings);
                    List<Citation> citations = Findings.citations(findings);
                    if (EvidenceCases.holdsEvidence(text, q.evidence())) inText++;
                    if (EvidenceCases.holdsEvidence(text, q.evidence())
                            || citations.stream().anyMatch(c -> EvidenceCases.holdsEvidence(c.quote(), q.evidence()))) {
                        hits.add(q.id());
                    }
                }
                if (baseHits == null) baseHits = hits;
                TreeSet<String> gained = new TreeSet<>(hits);
                gained.removeAll(baseHits);
                TreeSet<String> lost = new TreeSet<>(baseHits);
                lost.removeAll(hits);
                System.out.printf(Locale.ROOT, "| %s | %d/%d (%.3f) | text %d | +%s | -%s |%n", variant.getKey(), hits.size(), asked.size(),
                        hits.size() / (double) asked.size(), inText, gained, lost);
            }
        }
    }
}
