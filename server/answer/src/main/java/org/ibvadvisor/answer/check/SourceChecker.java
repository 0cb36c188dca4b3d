package org.ibvadvisor.answer.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.ibvadvisor.answer.Citation;
import org.ibvadvisor.answer.text.Language;
import org.ibvadvisor.answer.text.Readable;
import org.ibvadvisor.text.Sentence;
import org.ibvadvisor.text.SentenceSplitter;
import org.ibvadvisor.retrieval.Passage;

/**
 * The default {@link Checker}: holds every figure of an answer against the passages its sentence cites.
 *
 * <p>A figure's sources are the marks of its sentence (marks standing alone after a sentence belong to it); a
 * sentence without marks takes those of its line, as when one mark closes a paragraph. A figure is verified when
 * one of those passages (read with its wrapped lines joined) or the question states it ({@link Figure#statedBy});
 * small whole numbers are not checked ({@link Figure#checkable}). Each cited passage is quoted by its sentence
 * most like what the answer says with it ({@link Quotes}).
 */
public final class SourceChecker implements Checker {

    @Override
    public CheckedAnswer check(String answer, List<Passage> passages, String question) {
        CitationMarks.Marked marked = CitationMarks.normalise(answer, passages.size());
        String text = marked.text();
        List<Claim> claims = claims(text, marked.marks());
        List<Figure> unverified = unverified(claims, passages, question);
        List<Citation> citations = citations(claims, passages);
        List<String> warnings = unverified.isEmpty() ? List.of() : List.of(warning(unverified, Language.of(question)));
        return new CheckedAnswer(text, citations, warnings, unverified, marked.dropped());
    }

    /** A sentence of the answer (marks blanked out) and the passage numbers it cites. */
    record Claim(String text, Set<Integer> cited) {}

    private static List<Claim> claims(String text, List<CitationMarks.Mark> marks) {
        String blanked = blankMarks(text, marks);
        List<Sentence> sentences = SentenceSplitter.ANSWER.split(text);
        List<String> texts = new ArrayList<>();
        List<Set<Integer>> cited = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (Sentence sentence : sentences) {
            Set<Integer> numbers = new LinkedHashSet<>();
            for (CitationMarks.Mark mark : marks) {
                if (mark.start() >= sentence.start() && mark.end() <= sentence.end()) {
                    numbers.addAll(mark.numbers());
                }
            }
            String words = sentence.in(blanked);
            int line = lineOf(text, sentence.start());
            boolean onlyMarks = words.chars().noneMatch(Character::isLetterOrDigit);
            if (onlyMarks && !texts.isEmpty() && lines.getLast() == line) {
                cited.getLast().addAll(numbers);
                continue;
            }
            texts.add(words);
            cited.add(numbers);
            lines.add(line);
        }
        for (int i = 0; i < texts.size(); i++) {
            if (cited.get(i).isEmpty()) {
                for (int j = 0; j < texts.size(); j++) {
                    if (lines.get(j).equals(lines.get(i))) {
                        cited.get(i).addAll(cited.get(j));
                    }
                }
            }
        }
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            claims.add(new Claim(texts.get(i), Set.copyOf(cited.get(i))));
        }
        return claims;
    }

    private static List<Figure> unverified(List<Claim> claims, List<Passage> passages, String question) {
        List<List<Figure>> stated = passages.stream().map(p -> Figures.in(Readable.of(p.text()))).toList();
        List<Figure> asked = Figures.in(question);
        List<Figure> unverified = new ArrayList<>();
        for (Claim claim : claims) {
            for (Figure figure : Figures.in(claim.text())) {
                if (!figure.checkable() || asked.stream().anyMatch(figure::statedBy)) {
                    continue;
                }
                boolean backed = claim.cited().stream()
                        .anyMatch(n -> stated.get(n - 1).stream().anyMatch(figure::statedBy));
                if (!backed) {
                    unverified.add(figure);
                }
            }
        }
        return unverified;
    }

    private static List<Citation> citations(List<Claim> claims, List<Passage> passages) {
        TreeMap<Integer, StringBuilder> said = new TreeMap<>();
        for (Claim claim : claims) {
            for (int n : claim.cited()) {
                said.computeIfAbsent(n, k -> new StringBuilder()).append(claim.text()).append('\n');
            }
        }
        List<Citation> citations = new ArrayList<>();
        said.forEach((n, claim) -> citations.add(Quotes.cite(n, passages.get(n - 1), claim.toString())));
        return citations;
    }

    static String warning(List<Figure> unverified, Language language) {
        String figures = unverified.stream().map(f -> f.surface().strip()).distinct()
                .collect(Collectors.joining(language.isChinese() ? "、" : ", "));
        return language.isChinese()
                ? "以下数字在所引资料中找不到，未经核实：" + figures
                : "Unverified figures (not found in the passages they cite): " + figures;
    }

    private static String blankMarks(String text, List<CitationMarks.Mark> marks) {
        StringBuilder blanked = new StringBuilder(text);
        for (CitationMarks.Mark mark : marks) {
            for (int i = mark.start(); i < mark.end(); i++) {
                blanked.setCharAt(i, ' ');
            }
        }
        return blanked.toString();
    }

    private static int lineOf(String text, int position) {
        int line = 0;
        for (int i = 0; i < position; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
