package org.ibvadvisor.eval.questions;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.ibvadvisor.chunk.Chunk;
import org.ibvadvisor.eval.run.EvalCase;

/**
 * Turns questions into judged cases: a passage is relevant when its text, whitespace removed, contains one of the
 * question's evidence strings, whitespace removed; the relevant total is the number of indexed chunks that do.
 */
public final class EvidenceCases {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private EvidenceCases() {
    }

    /** @param chunks every chunk of the index the questions are asked of */
    public static List<EvalCase> of(List<Question> questions, List<Chunk> chunks) {
        List<String> squashedChunks = chunks.stream().map(chunk -> squash(chunk.text())).toList();
        List<EvalCase> cases = new ArrayList<>(questions.size());
        for (Question question : questions) {
            List<String> evidence = question.evidence().stream().map(EvidenceCases::squash).toList();
            int total = (int) squashedChunks.stream().filter(text -> containsAny(text, evidence)).count();
            cases.add(new EvalCase(question.id(), question.type(), question.question(),
                    passage -> containsAny(squash(passage.text()), evidence), total, question.answerable()));
        }
        return cases;
    }

    /**
     * Whether {@code text}, whitespace removed, contains one of {@code evidence}, whitespace removed: the judgement
     * of a passage here, and of an answer's text or quotes in the answer suite.
     */
    public static boolean holdsEvidence(String text, List<String> evidence) {
        for (String piece : evidence) if (squash(text).contains(squash(piece))) return true;
        return false;
    }

    static boolean containsAny(String text, List<String> evidence) {
        for (String piece : evidence) if (text.contains(piece)) return true;
        return false;
    }

    public static String squash(String text) {
        return WHITESPACE.matcher(text).replaceAll("");
    }
}
