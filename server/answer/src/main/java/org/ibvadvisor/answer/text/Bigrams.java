package org.ibvadvisor.answer.text;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Character-bigram overlap between two texts (Dice coefficient over letters and digits, case folded, whitespace and
 * punctuation ignored): a cheap, language-neutral likeness for Chinese text without a segmenter.
 */
public final class Bigrams {

    private Bigrams() {
    }

    /** The bigrams of {@code text} with their counts. */
    public static Map<String, Integer> of(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.toLowerCase(Locale.ROOT).codePoints()
                .filter(Character::isLetterOrDigit)
                .forEach(kept::appendCodePoint);
        Map<String, Integer> bigrams = new HashMap<>();
        int[] cps = kept.codePoints().toArray();
        for (int i = 0; i + 1 < cps.length; i++) {
            bigrams.merge(new String(cps, i, 2), 1, Integer::sum);
        }
        if (cps.length == 1) {
            bigrams.merge(new String(cps, 0, 1), 1, Integer::sum);
        }
        return bigrams;
    }

    /** Dice coefficient of two bigram bags, 0..1. */
    public static double dice(Map<String, Integer> a, Map<String, Integer> b) {
        int sizeA = a.values().stream().mapToInt(Integer::intValue).sum();
        int sizeB = b.values().stream().mapToInt(Integer::intValue).sum();
        if (sizeA == 0 || sizeB == 0) {
            return 0;
        }
        Map<String, Integer> small = a.size() <= b.size() ? a : b;
        Map<String, Integer> large = small == a ? b : a;
        int shared = 0;
        for (Map.Entry<String, Integer> e : small.entrySet()) {
            Integer other = large.get(e.getKey());
            if (other != null) {
                shared += Math.min(e.getValue(), other);
            }
        }
        return 2.0 * shared / (sizeA + sizeB);
    }

    public static double dice(String a, String b) {
        return dice(of(a), of(b));
    }

    /** The share of {@code query}'s bigrams found in {@code text}, 0..1: how much of a query a text covers. */
    public static double coverage(Map<String, Integer> query, Map<String, Integer> text) {
        int size = query.values().stream().mapToInt(Integer::intValue).sum();
        if (size == 0) {
            return 0;
        }
        int shared = 0;
        for (Map.Entry<String, Integer> e : query.entrySet()) {
            Integer other = text.get(e.getKey());
            if (other != null) {
                shared += Math.min(e.getValue(), other);
            }
        }
        return (double) shared / size;
    }
}
