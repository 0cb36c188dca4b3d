package org.ibvadvisor.answer.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ibvadvisor.answer.Answer;
import org.ibvadvisor.answer.AnswerListener;
import org.ibvadvisor.answer.Question;
import org.ibvadvisor.answer.Turn;
import org.ibvadvisor.answer.TurnAnswer;
import org.ibvadvisor.answer.TurnAnswerer;
import org.ibvadvisor.answer.check.CheckedAnswer;
import org.ibvadvisor.answer.check.Checker;
import org.ibvadvisor.answer.check.SourceChecker;
import org.ibvadvisor.answer.condense.CarryOverCondenser;
import org.ibvadvisor.answer.condense.Condenser;
import org.ibvadvisor.answer.condense.LlmCondenser;
import org.ibvadvisor.answer.decide.ConfidenceDecider;
import org.ibvadvisor.answer.decide.Decider;
import org.ibvadvisor.answer.decide.Decision;
import org.ibvadvisor.answer.decide.Refusal;
import org.ibvadvisor.answer.extract.EmbeddingExtractor;
import org.ibvadvisor.answer.extract.Extractor;
import org.ibvadvisor.answer.extract.Finding;
import org.ibvadvisor.answer.extract.Findings;
import org.ibvadvisor.answer.generate.Generated;
import org.ibvadvisor.answer.generate.GenerationFailure;
import org.ibvadvisor.answer.generate.Generator;
import org.ibvadvisor.answer.generate.Prompt;
import org.ibvadvisor.answer.prompt.CitingPromptWriter;
import org.ibvadvisor.answer.prompt.PromptWriter;
import org.ibvadvisor.embed.Embedder;
import org.ibvadvisor.retrieval.Passage;
import org.ibvadvisor.retrieval.Retrieval;
import org.ibvadvisor.retrieval.RetrievalRequest;
import org.ibvadvisor.retrieval.Retriever;

/**
 * The answer pipeline: condense → retrieve → decide → (refuse | generate → check, or extract when the LLM fails).
 *
 * <p>Streaming: the passages go to the listener once the decision is made (and, for a generated answer, once the
 * generator has accepted the request, so that a full queue is still a clean {@link
 * org.ibvadvisor.answer.AnswererBusyException}); then the model's tokens as they come, or the whole text of an
 * extractive answer or a refusal as one token. The final answer's text is the checked one: marks that point to no
 * passage are gone from it, though they may have been streamed.
 *
 * <p>When generation fails before any text reached the asker, the answer is extractive, with the failure's message
 * (reason and fix) as a warning. When it fails after text was sent, the answer is what was generated, checked, with
 * a warning that it broke off: the asker has read that text already, and replacing it would contradict the stream.
 * A cancelled answer ends at once with the text sent so far.
 */
public final class AnswerPipeline implements TurnAnswerer {

    private final Condenser condenser;
    private final Retriever retriever;
    private final Decider decider;
    private final PromptWriter prompts;
    private final Generator generator;
    private final Checker checker;
    private final Extractor extractor;
    private final AnswerSettings settings;
    private final String model;

    /**
     * @param model the name of the generator's model, reported with generated answers
     */
    public AnswerPipeline(Condenser condenser, Retriever retriever, Decider decider, PromptWriter prompts,
                          Generator generator, Checker checker, Extractor extractor, AnswerSettings settings,
                          String model) {
        this.condenser = Objects.requireNonNull(condenser, "condenser");
        this.retriever = Objects.requireNonNull(retriever, "retriever");
        this.decider = Objects.requireNonNull(decider, "decider");
        this.prompts = Objects.requireNonNull(prompts, "prompts");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.checker = Objects.requireNonNull(checker, "checker");
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.model = Objects.requireNonNull(model, "model");
    }

    /** The pipeline with the default stage of each kind, tuned by {@code settings}. */
    public static AnswerPipeline standard(Retriever retriever, Generator generator, String model, Embedder embedder,
                                          AnswerSettings settings) {
        Condenser carryOver = new CarryOverCondenser();
        Condenser condenser = settings.condenseWithLlm()
                ? new LlmCondenser(generator, carryOver, settings.condenseTimeout()) : carryOver;
        return new AnswerPipeline(condenser, retriever,
                new ConfidenceDecider(settings.refusalThreshold(), settings.maxPassages(), settings.nearestFindings()),
                new CitingPromptWriter(settings.maxPassageChars(), 2), generator, new SourceChecker(),
                EmbeddingExtractor.defaults(embedder), settings, model);
    }

    @Override
    public TurnAnswer answer(Question question, List<Turn> history, AnswerListener listener) {
        AnswerRun run = new AnswerRun(question, listener);
        String query = condenser.condense(question.text(), history);
        Retrieval retrieval = run.timeRetrieval(() -> retriever.retrieve(request(query, question)));
        Answer answer = switch (decider.decide(retrieval)) {
            case Decision.Uncovered uncovered -> refuse(run, query, uncovered.passages());
            case Decision.Answerable answerable -> generate(run, query, answerable.passages());
        };
        return new TurnAnswer(answer, query);
    }

    private Answer refuse(AnswerRun run, String query, List<Passage> nearest) {
        run.passages(nearest);
        List<Finding> findings = extractor.extract(query, nearest, settings.nearestFindings());
        String text = Refusal.text(run.language(), findings);
        run.token(text);
        return new Answer.Refused(run.question().conversationId(), null, text, Findings.citations(findings), List.of(),
                run.finish());
    }

    private Answer generate(AnswerRun run, String query, List<Passage> passages) {
        Prompt prompt = prompts.write(run.question().text(), query, passages);
        StreamedGeneration generation = StreamedGeneration.start(generator, prompt);
        run.passages(passages);
        StreamedGeneration.Relayed relayed = generation.relayTo(run);
        return switch (relayed.outcome()) {
            case Generated generated when generated.text().isBlank() ->
                    extract(run, query, passages, Warnings.emptyAnswer(run.language()));
            case Generated generated -> check(run, passages, generated.text(), generated.warnings());
            case GenerationFailure.Cancelled cancelled -> check(run, passages, relayed.sent(),
                    List.of(Warnings.cancelled(run.language())));
            case GenerationFailure failure when relayed.sent().isBlank() ->
                    extract(run, query, passages, failure.message(run.language()));
            case GenerationFailure failure -> check(run, passages, relayed.sent(),
                    List.of(Warnings.brokeOff(run.language(), failure)));
        };
    }

    private Answer check(AnswerRun run, List<Passage> passages, String text, List<String> generationWarnings) {
        CheckedAnswer checked = checker.check(text, passages, run.question().text());
        List<String> warnings = new ArrayList<>(checked.warnings());
        warnings.addAll(generationWarnings);
        return new Answer.Generated(run.question().conversationId(), null, checked.text(), checked.citations(), warnings,
                model, run.finish());
    }

    private Answer extract(AnswerRun run, String query, List<Passage> passages, String why) {
        List<Finding> findings = extractor.extract(query, passages, settings.extractiveSentences());
        String text = Findings.extractiveAnswer(run.language(), findings);
        run.token(text);
        return new Answer.Extractive(run.question().conversationId(), null, text, Findings.citations(findings), List.of(why),
                run.finish());
    }

    private RetrievalRequest request(String query, Question question) {
        String bounded = query.length() <= RetrievalRequest.MAX_QUERY_CHARS ? query
                : query.substring(query.length() - RetrievalRequest.MAX_QUERY_CHARS);
        return new RetrievalRequest(bounded, settings.retrieveK(), question.reports());
    }
}
