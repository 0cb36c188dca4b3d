package org.ibvadvisor.eval.answers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * {@code summary.json} of the answer suite: {@code overall}, {@code bySplit}, {@code byType}, {@code byLanguage}, {@code byAskedKind}
 * (each {@code questions, answerable, answerableAnswered, withEvidence, evidenceAmongAnswered,
 * evidenceAmongAnswerable, withEvidenceFirst, evidenceFirstAmongAnswerable, refusal{precision, recall, refusedUnanswerable, refusedAnswerable, answeredUnanswerable},
 * citations, invalidCitations, citationValidity, markProblems, uncitedAnswers, latencyMs{p50, p90}}; shares are
 * {@code null} when undefined), then {@code failures}: the id, mode and problems of each failed question.
 */
public final class AnswerSummaryJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AnswerSummaryJson() {
    }

    public static String write(AnswerResults results) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("title", results.title());
        root.put("refusalThreshold", results.refusalThreshold());
        put(root.putObject("overall"), results.overall());
        groups(root.putObject("bySplit"), results.bySplit());
        groups(root.putObject("byType"), results.byType());
        groups(root.putObject("byLanguage"), results.byLanguage());
        groups(root.putObject("byAskedKind"), results.byAskedKind());
        ArrayNode failures = root.putArray("failures");
        for (AnsweredQuestion a : results.failures()) {
            ObjectNode node = failures.addObject().put("id", a.question().id()).put("mode", a.answer().mode())
                    .put("answerable", a.question().answerable()).put("evidence", a.evidenceFound())
                    .put("evidenceInPassage", a.evidenceGiven());
            a.problems().forEach(node.putArray("problems")::add);
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void groups(ObjectNode node, Map<String, AnswerFigures> groups) {
        groups.forEach((name, figures) -> put(node.putObject(name), figures));
    }

    private static void put(ObjectNode node, AnswerFigures f) {
        node.put("questions", f.questions()).put("answerable", f.answerable())
                .put("answerableAnswered", f.answerableAnswered()).put("withEvidence", f.withEvidence())
                .put("withEvidenceInText", f.withEvidenceInText())
                .put("withEvidenceFirst", f.withEvidenceFirst())
                .put("evidenceGiven", f.evidenceGiven());
        share(node, "evidenceAmongAnswered", f.evidenceAmongAnswered());
        share(node, "evidenceAmongAnswerable", f.evidenceAmongAnswerable());
        share(node, "evidenceFirstAmongAnswerable", f.evidenceFirstAmongAnswerable());
        ObjectNode refusal = node.putObject("refusal");
        int refused = f.refusal().truePositives() + f.refusal().falsePositives();
        share(refusal, "precision", refused == 0 ? Double.NaN : f.refusal().precision());
        share(refusal, "recall", f.unanswerable() == 0 ? Double.NaN : f.refusal().recall());
        refusal.put("refusedUnanswerable", f.refusal().truePositives())
                .put("refusedAnswerable", f.refusal().falsePositives())
                .put("answeredUnanswerable", f.refusal().falseNegatives());
        node.put("citations", f.citations()).put("invalidCitations", f.invalidCitations());
        share(node, "citationValidity", f.citationValidity());
        node.put("markProblems", f.markProblems()).put("uncitedAnswers", f.uncitedAnswers());
        node.putObject("latencyMs").put("p50", Math.round(f.latencyP50Ms() * 10) / 10.0)
                .put("p90", Math.round(f.latencyP90Ms() * 10) / 10.0);
    }

    private static void share(ObjectNode node, String key, double value) {
        if (Double.isNaN(value)) node.putNull(key);
        else node.put(key, round(value));
    }

    static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}
