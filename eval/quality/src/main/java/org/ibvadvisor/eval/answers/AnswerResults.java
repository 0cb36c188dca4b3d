package org.ibvadvisor.eval.answers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The results of one run of the answer suite, ready to write.
 *
 * @param title            what was measured, e.g. {@code Answers on the IBV question set (all splits)}
 * @param description      a paragraph on the data and how answers were made and judged
 * @param refusalThreshold the pipeline's refusal threshold (retrieval confidence)
 * @param answered         one per question, in question order
 */
public record AnswerResults(String title, String description, double refusalThreshold, List<AnsweredQuestion> answered) {
    public AnswerResults {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        answered = List.copyOf(answered);
        if (answered.isEmpty()) throw new IllegalArgumentException("no question was answered");
    }

    public AnswerFigures overall() {
        return AnswerFigures.of(answered, refusalThreshold);
    }

    /** By split ({@code dev}, {@code test}), in name order. */
    public Map<String, AnswerFigures> bySplit() {
        return groups(a -> a.question().split());
    }

    /** By question type, in name order. */
    public Map<String, AnswerFigures> byType() {
        return groups(a -> a.question().type());
    }

    /** By what the question asks for ({@link AnsweredQuestion#askedKind}: figure, time, cause, list, other). */
    public Map<String, AnswerFigures> byAskedKind() {
        return groups(AnsweredQuestion::askedKind);
    }

    /** By the question's language ({@code en}, {@code zh}). */
    public Map<String, AnswerFigures> byLanguage() {
        return groups(AnsweredQuestion::language);
    }

    public List<AnsweredQuestion> failures() {
        return answered.stream().filter(AnsweredQuestion::failed).toList();
    }

    private Map<String, AnswerFigures> groups(Function<AnsweredQuestion, String> key) {
        Map<String, List<AnsweredQuestion>> members = new TreeMap<>();
        answered.forEach(a -> members.computeIfAbsent(key.apply(a), k -> new ArrayList<>()).add(a));
        Map<String, AnswerFigures> figures = new LinkedHashMap<>();
        members.forEach((name, group) -> figures.put(name, AnswerFigures.of(group, refusalThreshold)));
        return figures;
    }
}
