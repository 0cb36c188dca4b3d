package org.ibvadvisor.answer.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.ibvadvisor.answer.Citation;
import org.ibvadvisor.answer.check.Quotes;
import org.ibvadvisor.answer.text.Language;

/** Findings as answer text and as citations. */
public final class Findings {

    private Findings() {
    }

    /** A Markdown list, one finding a line: {@code - sentence [n]}. */
    public static String list(List<Finding> findings) {
        return findings.stream().map(f -> "- " + f.readable() + " [" + f.n() + "]").collect(Collectors.joining("\n"));
    }

    /** The extractive answer: a lead line saying what it is, in the question's language, then the list. */
    public static String extractiveAnswer(Language language, List<Finding> findings) {
        if (findings.isEmpty()) {
            return language.isChinese() ? "暂时无法生成回答，检索到的资料中也没有可直接引用的句子。"
                    : "No answer can be written now, and the passages found hold no sentence to quote.";
        }
        String lead = language.isChinese() ? "大模型这次没能生成回答（原因见提示）。以下是报告中与问题最相关的原文："
                : "The language model could not answer this time (see the warning); these sentences of the reports "
                + "answer the question best:";
        return lead + "\n\n" + list(findings);
    }

    /**
     * One citation per cited passage, in order of n; when several findings come from one passage, the quote runs
     * from the first to the last of them (still exactly the source text).
     */
    public static List<Citation> citations(List<Finding> findings) {
        TreeMap<Integer, int[]> spans = new TreeMap<>();
        TreeMap<Integer, Finding> byN = new TreeMap<>();
        for (Finding f : findings) {
            byN.putIfAbsent(f.n(), f);
            spans.merge(f.n(), new int[] {f.start(), f.end()},
                    (a, b) -> new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        List<Citation> citations = new ArrayList<>();
        spans.forEach((n, span) -> citations.add(Quotes.citation(n, byN.get(n).passage(), span[0], span[1])));
        return citations;
    }
}
