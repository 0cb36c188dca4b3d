package org.ibvadvisor.eval.answers;

import java.util.List;
import java.util.Map;
import org.ibvadvisor.answer.Answer;
import org.ibvadvisor.answer.AnswerListener;
import org.ibvadvisor.answer.Citation;
import org.ibvadvisor.answer.Question;
import org.ibvadvisor.answer.Turn;
import org.ibvadvisor.answer.TurnAnswer;
import org.ibvadvisor.answer.TurnAnswerer;
import org.ibvadvisor.retrieval.Passage;

/**
 * An answerer that gives a prepared answer to each question text, after showing its passages as the pipeline does;
 * with a report source of three sentences to cite from.
 */
final class CannedAnswers implements TurnAnswerer {
    static final String SOURCE = "前言一句。38% 的受访高管表示同意。其余内容在此。";
    /** Passage 1: "前言一句。"; passage 2: "38% 的受访高管表示同意。"; passage 3: "其余内容在此。". */
    static final List<Passage> PASSAGES = List.of(passage(1, 0, 5), passage(2, 5, 19), passage(3, 19, 26));
    static final CitationCheck CHECK = new CitationCheck(Map.of("r", SOURCE));

    private final Map<String, Answer> answers;
    int asked;

    CannedAnswers(Map<String, Answer> answers) {
        this.answers = Map.copyOf(answers);
    }

    static Passage passage(int ordinal, int start, int end) {
        return new Passage("r#" + ordinal, "r", "R", List.of("s"), SOURCE.substring(start, end), start, end, 1, Map.of());
    }

    /** Citation [n] of passage n, quoting it whole. */
    static Citation cite(int n) {
        Passage p = PASSAGES.get(n - 1);
        return new Citation(n, p.id(), "r", "R", "s", p.text(), p.start(), p.end());
    }

    static Answer extractive(String text, Citation... citations) {
        return new Answer.Extractive(null, null, text, List.of(citations), List.of(), new Answer.Timings(1, 1, 2));
    }

    static Answer refused(String text, Citation... citations) {
        return new Answer.Refused(null, null, text, List.of(citations), List.of(), new Answer.Timings(1, 1, 2));
    }

    @Override
    public TurnAnswer answer(Question question, List<Turn> history, AnswerListener listener) {
        asked++;
        listener.passages(null, PASSAGES);
        return new TurnAnswer(answers.get(question.text()), question.text());
    }
}
