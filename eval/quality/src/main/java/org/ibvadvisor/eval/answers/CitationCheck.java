package org.ibvadvisor.eval.answers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ibvadvisor.answer.Answer;
import org.ibvadvisor.answer.Citation;
import org.ibvadvisor.retrieval.Passage;
import org.ibvadvisor.retrieval.catalog.ChunkCatalog;

/**
 * Checks an answer's citations against the report sources and the passages the answer was given: a citation
 * {@code [n]} is valid when its report is known, its span lies within that report's source, its quote is exactly
 * {@code source.substring(start, end)} and not blank, and it names the n-th passage given, whose span holds its
 * span. Also checks that the marks of the text and the citations match: every {@code [n]} in the text has a
 * citation and every citation is marked. Thread-safe.
 */
public final class CitationCheck {
    private static final Pattern MARK = Pattern.compile("\\[(\\d{1,3})]");

    private final Map<String, String> sources;

    /** @param sources each report's full source text, by report id */
    public CitationCheck(Map<String, String> sources) {
        this.sources = Map.copyOf(sources);
    }

    /** The sources of every report of an index. */
    public static CitationCheck of(ChunkCatalog catalog) {
        Map<String, String> sources = new java.util.HashMap<>();
        catalog.reports().forEach(report -> sources.put(report.id(), catalog.text(report.id())));
        return new CitationCheck(sources);
    }

    /** What is wrong with one citation, or nothing; {@code passages} are those the answer was given, numbered 1.. */
    public List<String> problems(Citation citation, List<Passage> passages) {
        List<String> problems = new ArrayList<>();
        String source = sources.get(citation.reportId());
        if (source == null) {
            problems.add("unknown report " + citation.reportId());
        } else if (citation.start() < 0 || citation.end() <= citation.start() || citation.end() > source.length()) {
            problems.add("span [" + citation.start() + ", " + citation.end() + ") outside the source of "
                    + citation.reportId() + " (" + source.length() + " characters)");
        } else if (!source.substring(citation.start(), citation.end()).equals(citation.quote())) {
            problems.add("quote is not the source text at [" + citation.start() + ", " + citation.end() + ")");
        }
        if (citation.quote() == null || citation.quote().isBlank()) problems.add("blank quote");
        if (citation.n() < 1 || citation.n() > passages.size()) {
            problems.add("[" + citation.n() + "] names no passage of the " + passages.size() + " given");
        } else {
            Passage passage = passages.get(citation.n() - 1);
            if (!passage.id().equals(citation.passageId()) || !passage.reportId().equals(citation.reportId())) {
                problems.add("[" + citation.n() + "] is passage " + passage.id() + ", not " + citation.passageId());
            } else if (citation.start() < passage.start() || citation.end() > passage.end()) {
                problems.add("span [" + citation.start() + ", " + citation.end() + ") outside passage " + passage.id()
                        + " [" + passage.start() + ", " + passage.end() + ")");
            }
        }
        return problems.stream().map(problem -> "[" + citation.n() + "] " + problem).toList();
    }

    /** Marks of the text with no citation, and citations the text does not mark. */
    public static List<String> markProblems(Answer answer) {
        TreeSet<Integer> marked = new TreeSet<>();
        Matcher m = MARK.matcher(answer.text());
        while (m.find()) marked.add(Integer.parseInt(m.group(1)));
        TreeSet<Integer> cited = new TreeSet<>();
        answer.citations().forEach(citation -> cited.add(citation.n()));
        List<String> problems = new ArrayList<>();
        for (int n : marked) if (!cited.contains(n)) problems.add("mark [" + n + "] has no citation");
        for (int n : cited) if (!marked.contains(n)) problems.add("citation [" + n + "] is not marked in the text");
        return problems;
    }

    /** Every problem of an answer: its citations', then its marks'. */
    public List<String> problems(Answer answer, List<Passage> passages) {
        Objects.requireNonNull(passages, "passages");
        List<String> problems = new ArrayList<>();
        answer.citations().forEach(citation -> problems.addAll(problems(citation, passages)));
        problems.addAll(markProblems(answer));
        return problems;
    }
}
