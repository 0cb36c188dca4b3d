package org.ibvadvisor.eval.answers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ibvadvisor.answer.Answer;
import org.ibvadvisor.answer.AnswerListener;
import org.ibvadvisor.answer.Citation;
import org.ibvadvisor.answer.TurnAnswerer;
import org.ibvadvisor.answer.pipeline.AnswerPipeline;
import org.ibvadvisor.answer.pipeline.AnswerSettings;
import org.ibvadvisor.answer.text.Language;
import org.ibvadvisor.embed.Embedder;
import org.ibvadvisor.eval.questions.EvidenceCases;
import org.ibvadvisor.eval.questions.Question;
import org.ibvadvisor.retrieval.Passage;
import org.ibvadvisor.retrieval.Retrievers;

/**
 * The question set through the product's answer pipeline with no LLM reachable: {@code ./advisor eval answers}.
 * Every question is asked on its own (no conversation); each answer is judged on evidence, refusal and citations.
 */
public final class AnswerSuite {
    /** Questions answered before the clock runs, so latency is warm (JIT, ONNX session, Lucene caches). */
    static final int WARM_UP = 5;

    /** Hears of each question answered, on the answering thread. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total, last) -> { };

        void answered(int done, int total, AnsweredQuestion last);
    }

    private AnswerSuite() {
    }

    /**
     * The product's pipeline ({@link AnswerPipeline#standard}, default settings, the tuned hybrid retriever) with a
     * generator that fails at once as unreachable: every answer is extractive or a refusal.
     */
    public static AnswerPipeline extractivePipeline(Retrievers retrievers, Embedder embedder, AnswerSettings settings) {
        return AnswerPipeline.standard(retrievers.hybrid(), new NoLlm("no LLM in the answer eval"), "none", embedder,
                settings);
    }

    /**
     * Runs the questions through {@link #extractivePipeline} with the default settings.
     *
     * @param label what the questions are, for the title (e.g. {@code test split})
     */
    public static AnswerResults run(Retrievers retrievers, Embedder embedder, List<Question> questions, String label,
                                    Progress progress) {
        AnswerSettings settings = AnswerSettings.defaults();
        long unanswerable = questions.stream().filter(q -> !q.answerable()).count();
        String description = String.format(Locale.ROOT, "%d questions (%d unanswerable), each asked on its own of the "
                        + "product's answer pipeline: hybrid retrieval over %d chunks of %d reports, refusal below confidence "
                        + "%.2f, and no LLM reachable, so every answer is extractive (the %d sentences of the top %d passages "
                        + "that best answer the question, cited) or a refusal. An answer holds evidence when its text or one "
                        + "of its quotes, whitespace removed, contains one of the question's evidence strings, whitespace "
                        + "removed (as passages are judged in the retrieval eval).", questions.size(), unanswerable,
                retrievers.catalog().chunkCount(), retrievers.catalog().reports().size(), settings.refusalThreshold(),
                settings.extractiveSentences(), settings.maxPassages());
        return run(extractivePipeline(retrievers, embedder, settings), CitationCheck.of(retrievers.catalog()), questions,
                "Answers on the IBV question set (" + label + ")", description, settings.refusalThreshold(), progress);
    }

    /** Runs the questions through any answerer; the first few are asked twice, the first time only to warm up. */
    public static AnswerResults run(TurnAnswerer answerer, CitationCheck check, List<Question> questions, String title,
                                    String description, double refusalThreshold, Progress progress) {
        for (int i = 0; i < Math.min(WARM_UP, questions.size()); i++) ask(answerer, check, questions.get(i));
        List<AnsweredQuestion> answered = new ArrayList<>(questions.size());
        for (Question question : questions) {
            AnsweredQuestion result = ask(answerer, check, question);
            answered.add(result);
            progress.answered(answered.size(), questions.size(), result);
        }
        return new AnswerResults(title, description, refusalThreshold, answered);
    }

    static AnsweredQuestion ask(TurnAnswerer answerer, CitationCheck check, Question question) {
        List<List<Passage>> shown = new ArrayList<>(1);
        AnswerListener listener = new AnswerListener() {
            @Override
            public void passages(String conversationId, List<Passage> passages) {
                shown.add(List.copyOf(passages));
            }
        };
        long started = System.nanoTime();
        Answer answer = answerer.answer(new org.ibvadvisor.answer.Question(question.question(), null, Set.of()), List.of(),
                listener).answer();
        double latencyMs = (System.nanoTime() - started) / 1e6;
        List<Passage> passages = shown.isEmpty() ? List.of() : shown.getLast();
        boolean inText = EvidenceCases.holdsEvidence(answer.text(), question.evidence());
        boolean quoted = answer.citations().stream().anyMatch(c -> EvidenceCases.holdsEvidence(c.quote(), question.evidence()));
        int given = 0;
        for (int i = 0; i < passages.size() && given == 0; i++) {
            if (EvidenceCases.holdsEvidence(passages.get(i).text(), question.evidence())) given = i + 1;
        }
        int invalid = 0;
        for (Citation citation : answer.citations()) if (!check.problems(citation, passages).isEmpty()) invalid++;
        String language = Language.of(question.question()).name().toLowerCase(Locale.ROOT);
        return new AnsweredQuestion(question, language, answer, inText, quoted, given, invalid, check.problems(answer, passages),
                latencyMs);
    }
}
