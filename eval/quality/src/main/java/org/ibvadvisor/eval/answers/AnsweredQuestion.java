package org.ibvadvisor.eval.answers;

import java.util.List;
import java.util.Objects;
import org.ibvadvisor.answer.Answer;
import org.ibvadvisor.answer.extract.QuestionKind;
import org.ibvadvisor.eval.questions.EvidenceCases;
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

    /**
     * The first sentence of the answer holds evidence: the first {@code - sentence [n]} line of an extractive answer,
     * or the first line of a generated one. Tells whether the answer's first sentence alone answers.
     */
    public boolean evidenceFirst() {
        if (!question.answerable() || refused()) return false;
        String text = answer.text();
        int body = text.indexOf("\n\n");
        for (String line : (body >= 0 ? text.substring(body + 2) : text).split("\n")) {
            if (line.isBlank()) continue;
            return EvidenceCases.holdsEvidence(line, question.evidence());
        }
        return false;
    }

    /** What the question asks for, as the extractor judges it ({@code figure}, {@code time}, {@code cause}, …). */
    public String askedKind() {
        return QuestionKind.of(question.question()).name().toLowerCase(java.util.Locale.ROOT);
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
