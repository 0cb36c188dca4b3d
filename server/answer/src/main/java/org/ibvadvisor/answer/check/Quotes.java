package org.ibvadvisor.answer.check;

import java.util.List;
import java.util.Map;
import org.ibvadvisor.answer.Citation;
import org.ibvadvisor.answer.text.Bigrams;
import org.ibvadvisor.answer.text.Readable;
import org.ibvadvisor.text.Sentence;
import org.ibvadvisor.text.SentenceSplitter;
import org.ibvadvisor.retrieval.Passage;

/**
 * Quotes a cited passage by the sentence of it that best backs what the answer says with it: the sentence stating
 * most of the claim's figures, then the one sharing most character bigrams with the claim. The quote is exactly the
 * source text of that sentence, with its span in the report source.
 */
public final class Quotes {

    private Quotes() {
    }

    /** The citation {@code [n]} of {@code passage} for what the answer says with it ({@code claim}). */
    public static Citation cite(int n, Passage passage, String claim) {
        Sentence best = best(passage.text(), claim);
        return citation(n, passage, best.start(), best.end());
    }

    /** The citation {@code [n]} of the part {@code [start, end)} of {@code passage}'s text. */
    public static Citation citation(int n, Passage passage, int start, int end) {
        return new Citation(n, passage.id(), passage.reportId(), passage.reportTitle(), passage.sectionPath(),
                passage.text().substring(start, end), passage.start() + start, passage.start() + end);
    }

    static Sentence best(String source, String claim) {
        List<Sentence> sentences = SentenceSplitter.REPORT_SOURCE.split(source);
        if (sentences.isEmpty()) {
            return new Sentence(0, Math.max(1, source.length()));
        }
        List<Figure> claimed = Figures.in(claim).stream().filter(Figure::checkable).toList();
        Map<String, Integer> claimBigrams = Bigrams.of(claim);
        Sentence best = sentences.getFirst();
        double bestScore = -1;
        for (Sentence sentence : sentences) {
            String readable = Readable.of(sentence.in(source));
            List<Figure> stated = Figures.in(readable);
            long figures = claimed.stream().filter(f -> stated.stream().anyMatch(f::statedBy)).count();
            double score = figures + Bigrams.dice(claimBigrams, Bigrams.of(readable));
            if (score > bestScore) {
                best = sentence;
                bestScore = score;
            }
        }
        return best;
    }
}
