package org.ibvadvisor.corpus.pdf;

import java.util.Locale;
import java.util.Set;

/**
 * Guesses a text's language from its script: mostly Han (with kana: Japanese; hangul: Korean), else English when its
 * words are English ones often enough. A guess for metadata, not a language detector.
 */
final class LanguageGuess {
    /**
     * The text is CJK when CJK chars are at least this share of CJK chars and Latin words together (a Chinese word is
     * a char or two, so chars weigh like words: a Chinese manual full of code is still Chinese).
     */
    private static final double CJK_SHARE = 0.2;
    /** Latin text is English when at least this share of its words are common English ones. */
    private static final double ENGLISH_SHARE = 0.08;
    private static final int MAX_CHARS = 200_000;
    private static final Set<String> ENGLISH = Set.of("the", "and", "of", "to", "in", "is", "for", "that", "with", "on",
            "as", "are", "by", "this", "be", "it", "or", "from", "at", "an", "we", "their", "our", "more", "can");

    private LanguageGuess() {
    }

    /** BCP-47 code ({@code zh}, {@code ja}, {@code ko}, {@code en}), or {@code null} when it cannot tell. */
    static String of(String text) {
        String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        long han = 0;
        long kana = 0;
        long hangul = 0;
        long latinWords = 0;
        boolean inWord = false;
        for (int i = 0; i < sample.length(); i++) {
            Character.UnicodeScript script = Character.UnicodeScript.of(sample.charAt(i));
            switch (script) {
                case HAN -> han++;
                case HIRAGANA, KATAKANA -> kana++;
                case HANGUL -> hangul++;
                case LATIN -> latinWords += inWord ? 0 : 1;
                default -> { }
            }
            inWord = script == Character.UnicodeScript.LATIN;
        }
        long cjk = han + kana + hangul;
        if (cjk + latinWords == 0) return null;
        if (cjk >= CJK_SHARE * (cjk + latinWords)) {
            if (kana * 10 >= cjk) return "ja";
            if (hangul * 2 >= cjk) return "ko";
            return "zh";
        }
        String[] words = sample.toLowerCase(Locale.ROOT).split("[^a-z]+");
        long common = 0;
        long all = 0;
        for (String word : words) {
            if (word.isEmpty()) continue;
            all++;
            if (ENGLISH.contains(word)) common++;
        }
        return all > 0 && common >= ENGLISH_SHARE * all ? "en" : null;
    }
}
