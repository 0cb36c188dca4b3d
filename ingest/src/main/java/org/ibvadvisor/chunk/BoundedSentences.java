package org.ibvadvisor.chunk;

import java.util.ArrayList;
import java.util.List;
import org.ibvadvisor.text.Sentence;
import org.ibvadvisor.text.SentenceSplitter;

/**
 * The sentences of cleaned text ({@link SentenceSplitter#CLEAN_TEXT}), none longer than a chunk holds: a longer one is
 * cut outside its quotations if possible, at a clause mark (，、：), else at a space, else anywhere {@link CutRules}
 * allows.
 */
final class BoundedSentences {
    private static final String CLAUSE_END = "，、：,:";

    private BoundedSentences() {
    }

    /** The sentences of {@code text}, none longer than {@code maxLength}, without surrounding whitespace. */
    static List<Sentence> of(String text, int maxLength) {
        boolean[] quoted = SentenceSplitter.quoted(text);
        List<Sentence> out = new ArrayList<>();
        for (Sentence sentence : SentenceSplitter.CLEAN_TEXT.split(text)) {
            int start = sentence.start();
            while (sentence.end() - start > maxLength) {
                int cut = cut(text, quoted, start, start + maxLength);
                addTrimmed(text, start, cut, out);
                start = cut;
            }
            addTrimmed(text, start, sentence.end(), out);
        }
        return out;
    }

    /**
     * The best cut in (from, limit]: outside quotations if at all possible, then at a clause end, else after a space,
     * else anywhere {@link CutRules} allows.
     */
    private static int cut(String text, boolean[] quoted, int from, int limit) {
        for (boolean allowQuoted : new boolean[] {false, true}) {
            int floor = from + (limit - from) / 3;
            for (int p = limit; p > floor; p--) {
                if (CLAUSE_END.indexOf(text.charAt(p - 1)) >= 0 && isCandidate(text, quoted, p, allowQuoted)) return p;
            }
            for (int p = limit; p > floor; p--) {
                if (Character.isWhitespace(text.charAt(p - 1)) && isCandidate(text, quoted, p, allowQuoted)) return p;
            }
            for (int p = limit; p > from + 1; p--) {
                if (isCandidate(text, quoted, p, allowQuoted)) return p;
            }
        }
        return limit;
    }

    private static boolean isCandidate(String text, boolean[] quoted, int p, boolean allowQuoted) {
        return (allowQuoted || !quoted[p - 1]) && CutRules.isSafe(text, p);
    }

    private static void addTrimmed(String text, int start, int end, List<Sentence> out) {
        while (start < end && Character.isWhitespace(text.charAt(start))) start++;
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) end--;
        if (start < end) out.add(new Sentence(start, end));
    }
}
