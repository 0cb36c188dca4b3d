package org.ibvadvisor.eval.answers;

import java.util.List;
import java.util.Objects;
import org.ibvadvisor.answer.Answer;
import org.ibvadvisor.eval.questions.Question;

/**
 * One question of the set, answered by the pipeline and judged.
 *
 * @param question         the question with its evidence
 * @param language         {@code zh} or {@code en}, judged from the question's text as the pipeline does
 * @param answer           what the pipeline answered
 * @param evidenceInText   whether the answer text holds one of the evidence strings (whitespace ignored)
 * @param evidenceQuoted   whether one of the citations' quotes does
 * @param evidenceGiven    the number (1..) of the first passage the answer was made from that holds evidence, or 0
 *                         (tells a retrieval miss from an extraction miss)
 * @param invalidCitations how many citations failed {@link CitationCheck}
 * @param problems         what is wrong with the citations and marks; empty when all is well
 * @param latencyMs        wall-clock time of the whole answer
 */
public record AnsweredQuestion(Question question, String language, Answer answer, boolean evidenceInText,
                               boolean evidenceQuoted, int evidenceGiven, int invalidCitations, List<String> problems, double latencyMs) {
    public AnsweredQuestion {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(answer, "answer");
        problems = List.copyOf(problems);
        if (evidenceGiven < 0) throw new IllegalArgumentException("question " + question.id() + ": evidenceGiven " + evidenceGiven);
        if (invalidCitations < 0 || invalidCitations > answer.citations().size()) {
            throw new IllegalArgumentException("question " + question.id() + ": " + invalidCitations + " invalid of "
                    + answer.citations().size() + " citations");
        }
    }

    public boolean refused() {
        return answer instanceof Answer.Refused;
    }

    /** The text or a quote holds evidence; only answerable questions can. */
    public boolean evidenceFound() {
        return evidenceInText || evidenceQuoted;
    }

    /** An answerable question answered with its evidence. */
    public boolean answeredWithEvidence() {
        return question.answerable() && !refused() && evidenceFound();
    }

    /** What a reader would count as a failure: missed evidence, a wrong refusal or answer, or a citation problem. */
    public boolean failed() {
        boolean wrong = question.answerable() ? !answeredWithEvidence() : !refused();
        return wrong || !problems.isEmpty();
    }
}
