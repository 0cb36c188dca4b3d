package org.ibvadvisor.eval.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.ibvadvisor.answer.extract.Extractor;
import org.ibvadvisor.answer.extract.Finding;
import org.ibvadvisor.answer.text.Bigrams;
import org.ibvadvisor.answer.text.Readable;
import org.ibvadvisor.text.Sentence;
import org.ibvadvisor.text.SentenceSplitter;
import org.ibvadvisor.embed.Embedder;
import org.ibvadvisor.retrieval.Passage;
import org.ibvadvisor.retrieval.query.QueryPreparer;

/**
 * A copy of the server's EmbeddingExtractor with switches for the ideas tried on the dev split (extractor
 * experiments; see eval/reports/experiments.md).
 */
final class ExtractorVariant implements Extractor {
    record Options(double lambda, double rankWeight, int minChars, int maxCandidates, int maxPerPassage,
                   boolean skipQuestions, boolean skipNotes, QueryPreparer translator, double bigramWeight) {
        static Options defaults() {
            return new Options(0.7, 0.05, 12, 60, 2, false, false, null, 0);
        }

        Options perPassage(int n) {
            return new Options(lambda, rankWeight, minChars, maxCandidates, n, skipQuestions, skipNotes, translator, bigramWeight);
        }

        Options lambda(double l) {
            return new Options(l, rankWeight, minChars, maxCandidates, maxPerPassage, skipQuestions, skipNotes, translator, bigramWeight);
        }

        Options rank(double r) {
            return new Options(lambda, r, minChars, maxCandidates, maxPerPassage, skipQuestions, skipNotes, translator, bigramWeight);
        }

        Options candidates(int c) {
            return new Options(lambda, rankWeight, minChars, c, maxPerPassage, skipQuestions, skipNotes, translator, bigramWeight);
        }

        Options noQuestions() {
            return new Options(lambda, rankWeight, minChars, maxCandidates, maxPerPassage, true, skipNotes, translator, bigramWeight);
        }

        Options noNotes() {
            return new Options(lambda, rankWeight, minChars, maxCandidates, maxPerPassage, skipQuestions, true, translator, bigramWeight);
        }

        Options translate(QueryPreparer t) {
            return new Options(lambda, rankWeight, minChars, maxCandidates, maxPerPassage, skipQuestions, skipNotes, t, bigramWeight);
        }

        Options bigrams(double w) {
            return new Options(lambda, rankWeight, minChars, maxCandidates, maxPerPassage, skipQuestions, skipNotes, translator, w);
        }
    }

    static final double DUPLICATE = 0.95;
    private static final String SENTENCE_END = "。！？!?.；;：:”’」』）)";
    private static final Pattern TRAILING_FOOTNOTE = Pattern.compile("(?<=[。！？!?”」）)])\\s?\\d{1,2}$");
    private static final Pattern NOTE_LINE = Pattern.compile("^\\s*-\\s*\\d{1,3}\\s");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern LATIN = Pattern.compile("[A-Za-z]");

    private final Embedder embedder;
    private final Options o;

    ExtractorVariant(Embedder embedder, Options options) {
        this.embedder = embedder;
        this.o = options;
    }

    @Override
    public List<Finding> extract(String query, List<Passage> passages, int max) {
        List<Finding> candidates = candidates(passages);
        if (candidates.isEmpty() || max < 1) return List.of();
        String relevanceQuery = o.translator() == null ? query : o.translator().prepare(query).dense();
        float[] q = embedder.embedQuery(relevanceQuery);
        List<float[]> vectors = embedder.embedPassages(candidates.stream().map(Finding::readable).toList());
        Map<String, Integer> qBigrams = Bigrams.of(relevanceQuery);
        int count = candidates.size();
        double[] relevance = new double[count];
        for (int i = 0; i < count; i++) {
            relevance[i] = dot(q, vectors.get(i)) + o.rankWeight() / candidates.get(i).n();
            if (o.bigramWeight() > 0) relevance[i] += o.bigramWeight() * Bigrams.coverage(qBigrams, Bigrams.of(candidates.get(i).readable()));
        }
        double[] redundancy = new double[count];
        java.util.Arrays.fill(redundancy, Double.NEGATIVE_INFINITY);
        boolean[] picked = new boolean[count];
        int[] perPassage = new int[passages.size() + 1];
        List<Finding> findings = new ArrayList<>();
        while (findings.size() < max) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < count; i++) {
                if (picked[i] || redundancy[i] >= DUPLICATE || perPassage[candidates.get(i).n()] >= o.maxPerPassage()) continue;
                double novelty = findings.isEmpty() ? 0 : redundancy[i];
                double score = o.lambda() * relevance[i] - (1 - o.lambda()) * novelty;
                if (score > bestScore) {
                    best = i;
                    bestScore = score;
                }
            }
            if (best < 0) break;
            picked[best] = true;
            Finding chosen = candidates.get(best);
            perPassage[chosen.n()]++;
            findings.add(new Finding(chosen.n(), chosen.passage(), chosen.start(), chosen.end(), chosen.readable(), relevance[best]));
            for (int i = 0; i < count; i++) {
                if (!picked[i]) redundancy[i] = Math.max(redundancy[i], dot(vectors.get(i), vectors.get(best)));
            }
        }
        return findings;
    }

    private List<Finding> candidates(List<Passage> passages) {
        List<Finding> candidates = new ArrayList<>();
        for (int p = 0; p < passages.size() && candidates.size() < o.maxCandidates(); p++) {
            Passage passage = passages.get(p);
            String text = passage.text();
            for (Sentence sentence : SentenceSplitter.REPORT_SOURCE.split(text)) {
                String readable = TRAILING_FOOTNOTE.matcher(Readable.of(sentence.in(text))).replaceFirst("");
                if (!quotable(readable) || candidates.size() >= o.maxCandidates()) continue;
                if (o.skipQuestions() && (readable.endsWith("？") || readable.endsWith("?"))) continue;
                if (o.skipNotes()) {
                    int lineStart = text.lastIndexOf('\n', sentence.start()) + 1;
                    int lineEnd = text.indexOf('\n', sentence.start());
                    String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
                    if (NOTE_LINE.matcher(line).find()) continue;
                }
                candidates.add(new Finding(p + 1, passage, sentence.start(), sentence.end(), readable, 0));
            }
        }
        return candidates;
    }

    private boolean quotable(String readable) {
        int length = readable.codePointCount(0, readable.length());
        if (length < o.minChars() || readable.contains("http") || readable.contains("www.")) return false;
        return length >= 2 * o.minChars() || SENTENCE_END.indexOf(readable.charAt(readable.length() - 1)) >= 0;
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
        return sum;
    }
}
