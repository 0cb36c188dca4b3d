package org.ibvadvisor.testing.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.ibvadvisor.testing.pdf.PrintedChars.Ch;

/**
 * Line breaking for the maker: a text is cut into tokens (a CJK char, a Latin word or number, a space) and lines
 * are filled greedily; a line never starts with closing punctuation (it stays at the end of the line before) and
 * a word wider than a line is cut between its letters.
 */
final class Tokens {
    private static final String NO_LINE_START = "，。、；：？！）》」』”’%％,.;:?!)";

    /** A token: its chars, and whether it is a space. */
    record Token(List<Ch> chars, boolean space) {
        String text() {
            StringBuilder out = new StringBuilder();
            for (Ch ch : chars) out.appendCodePoint(ch.cp());
            return out.toString();
        }
    }

    private Tokens() {
    }

    static List<Token> of(List<Ch> chars) {
        List<Token> tokens = new ArrayList<>();
        List<Ch> word = new ArrayList<>();
        for (Ch ch : chars) {
            boolean cjk = isCjk(ch.cp());
            if (ch.isSpace() || cjk) {
                if (!word.isEmpty()) tokens.add(new Token(List.copyOf(word), false));
                word.clear();
                tokens.add(new Token(List.of(ch), ch.isSpace()));
            } else {
                word.add(ch);
            }
        }
        if (!word.isEmpty()) tokens.add(new Token(List.copyOf(word), false));
        return tokens;
    }

    /**
     * Fills one line from {@code tokens[from]} on, at most {@code width} wide.
     *
     * @return the index after the line's last token (leading spaces skipped by the caller)
     */
    static int fill(List<Token> tokens, int from, double width, ToDoubleFunction<String> measure) {
        double used = 0;
        int i = from;
        while (i < tokens.size()) {
            double w = measure.applyAsDouble(tokens.get(i).text());
            if (used + w > width && i > from) break;
            used += w;
            i++;
        }
        while (i < tokens.size() && !tokens.get(i).space() && NO_LINE_START.indexOf(tokens.get(i).text().charAt(0)) >= 0) i++;
        return i;
    }

    /** Splits words wider than {@code width} into single chars, so that every token fits a line. */
    static List<Token> fitting(List<Token> tokens, double width, ToDoubleFunction<String> measure) {
        List<Token> out = new ArrayList<>();
        for (Token token : tokens) {
            if (token.chars().size() > 1 && measure.applyAsDouble(token.text()) > width) {
                for (Ch ch : token.chars()) out.add(new Token(List.of(ch), false));
            } else {
                out.add(token);
            }
        }
        return out;
    }

    static boolean isCjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || (cp >= 0x3000 && cp <= 0x303F)
                || (cp >= 0xFF00 && cp <= 0xFFEF) || "“”‘’—…·".indexOf(cp) >= 0;
    }
}
