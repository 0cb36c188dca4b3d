package org.ibvadvisor.eval.answers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ibvadvisor.eval.metrics.RefusalMetrics;

/** The readable report of the answer suite: figures overall, per split, type and language, then every failure. */
public final class AnswerMarkdown {
    /** Longest excerpt of an answer shown in the failure table. */
    static final int EXCERPT_CHARS = 240;

    private static final String HEADER = "| %s | questions | passages held evidence | answered with evidence / answered | "
            + "… / answerable | "
            + "answerable refused | unanswerable refused | refusal precision | citations valid | uncited answers | "
            + "p50 ms | p90 ms |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n";

    private AnswerMarkdown() {
    }

    /** The overall and per-split figures, for the console. */
    public static String table(AnswerResults results) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, HEADER, "split"));
        out.append(row("all", results.overall()));
        splits(out, results);
        return out.toString();
    }

    public static String write(AnswerResults results) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(results.title()).append("\n\n").append(results.description()).append("\n\n");
        out.append("Columns: *passages held evidence* is the share of answerable questions answered (not refused) where "
                + "one of the passages the answer was made from holds evidence: as far as extraction can reach. *Answered "
                + "with evidence / answered* is the share of answerable questions answered whose answer holds evidence; "
                + "*… / answerable* counts refusals of answerable questions as misses (issue 4 asks for at least 0.80). "
                + "*Unanswerable refused* is refusal recall. *Refusal precision* is the share of refusals that were unanswerable "
                + "questions. A citation is *valid* when its quote is exactly the report source at its span and the span "
                + "lies in the passage it names. Latency is the wall-clock time of a whole answer (retrieval, extraction, "
                + "checks), in-process, on the machine and under the load of this run.\n\n");
        out.append("## Overall and by split\n\n").append(String.format(Locale.ROOT, HEADER, "split"));
        out.append(row("all", results.overall()));
        splits(out, results);
        AnswerFigures overall = results.overall();
        out.append(String.format(Locale.ROOT, "%nThe answer text itself, not only a quote, held the evidence for %d of the %d "
                + "answerable questions answered (%.3f).%n", overall.withEvidenceInText(), overall.answerableAnswered(),
                overall.withEvidenceInText() / (double) Math.max(1, overall.answerableAnswered())));
        section(out, "By type", "type", results.byType());
        section(out, "By language", "language", results.byLanguage());
        askedKinds(out, results);
        failures(out, results);
        return out.toString();
    }

    /** A row per split, when there is more than one. */
    private static void splits(StringBuilder out, AnswerResults results) {
        Map<String, AnswerFigures> splits = results.bySplit();
        if (splits.size() > 1) splits.forEach((split, figures) -> out.append(row(split, figures)));
    }

    private static void section(StringBuilder out, String title, String key, Map<String, AnswerFigures> groups) {
        out.append("\n## ").append(title).append("\n\n").append(String.format(Locale.ROOT, HEADER, key));
        groups.forEach((name, figures) -> out.append(row(name, figures)));
    }

    /** Evidence and first-sentence evidence per kind of question asked, per split. */
    private static void askedKinds(StringBuilder out, AnswerResults results) {
        out.append("\n## By what the question asks for\n\n")
                .append("The kind of answer a question asks for, as the extractor's classifier judges it from cue words "
                        + "(`QuestionKind`: *figure* 多少/比例/占比/how many/what share, *time* 何时/哪一年/when, *cause* "
                        + "为什么/why, *list* 哪些/哪几/which, *other*). *First sentence* is the share of answerable "
                        + "questions whose answer's first sentence alone holds the evidence (refusals count as misses).\n\n")
                .append("| kind | split | answerable | answered with evidence / answerable | first sentence / answerable |\n")
                .append("|---|---|---|---|---|\n");
        Map<String, List<AnsweredQuestion>> bySplit = new java.util.TreeMap<>();
        bySplit.put("all", results.answered());
        results.answered().forEach(a -> bySplit.computeIfAbsent(a.question().split(), k -> new ArrayList<>()).add(a));
        Map<String, AnswerFigures> kinds = results.byAskedKind();
        for (String kind : kinds.keySet()) {
            for (Map.Entry<String, List<AnsweredQuestion>> split : bySplit.entrySet()) {
                List<AnsweredQuestion> group = split.getValue().stream()
                        .filter(a -> a.askedKind().equals(kind) && a.question().answerable()).toList();
                if (group.isEmpty()) continue;
                AnswerFigures f = AnswerFigures.of(group, results.refusalThreshold());
                out.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s |%n", kind, split.getKey(), f.answerable(),
                        share(f.withEvidence(), f.answerable()), share(f.withEvidenceFirst(), f.answerable())));
            }
        }
    }

    private static void failures(StringBuilder out, AnswerResults results) {
        List<AnsweredQuestion> failures = results.failures();
        out.append("\n## Failures (").append(failures.size()).append(")\n\n");
        if (failures.isEmpty()) {
            out.append("None.\n");
            return;
        }
        out.append("Answerable questions whose answer holds no evidence (or that were refused), unanswerable questions "
                + "answered, and answers with a citation problem. The answer is shown without its lead line, its "
                + "findings separated by ` / `.\n\n| id | split | type | mode | what was answered | expected evidence | "
                + "problem |\n|---|---|---|---|---|---|---|\n");
        for (AnsweredQuestion a : failures) {
            List<String> problems = new ArrayList<>();
            if (a.question().answerable() && a.refused()) problems.add("answerable, refused");
            else if (a.question().answerable() && !a.evidenceFound()) {
                problems.add(a.evidenceGiven() == 0 ? "no evidence (none in the passages given)"
                        : "no evidence (passage [" + a.evidenceGiven() + "] holds it)");
            }
            if (!a.question().answerable() && !a.refused()) problems.add("unanswerable, answered");
            problems.addAll(a.problems());
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s: %s | %s | %s |%n", a.question().id(),
                    a.question().split(), a.question().type(), a.answer().mode(), cell(a.question().question()),
                    cell(excerpt(a.answer().text())),
                    a.question().evidence().isEmpty() ? "–" : cell(String.join(" ‖ ", a.question().evidence())),
                    cell(String.join("; ", problems))));
        }
    }

    /** The answer's findings on one line, without the lead paragraph, cut at {@link #EXCERPT_CHARS}. */
    static String excerpt(String answer) {
        int body = answer.indexOf("\n\n");
        String text = (body >= 0 ? answer.substring(body + 2) : answer).strip()
                .replaceAll("(?m)^- ", "").replaceAll("\\s*\\n\\s*", " / ");
        return text.length() <= EXCERPT_CHARS ? text : text.substring(0, EXCERPT_CHARS) + "…";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String row(String name, AnswerFigures f) {
        RefusalMetrics r = f.refusal();
        return String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %d | %s | %s | %s | %d | %.0f | %.0f |%n", name,
                f.questions(), share(f.evidenceGiven(), f.answerableAnswered()), share(f.withEvidence(), f.answerableAnswered()), share(f.withEvidence(), f.answerable()),
                r.falsePositives(), share(r.truePositives(), f.unanswerable()),
                r.truePositives() + r.falsePositives() == 0 ? "–" : String.format(Locale.ROOT, "%.3f", r.precision()),
                share(f.citations() - f.invalidCitations(), f.citations()), f.uncitedAnswers(),
                f.latencyP50Ms(), f.latencyP90Ms());
    }

    /** {@code 0.870 (127/146)}, or a dash when the whole is zero. */
    static String share(int part, int whole) {
        return whole == 0 ? "–" : String.format(Locale.ROOT, "%.3f (%d/%d)", (double) part / whole, part, whole);
    }
}
