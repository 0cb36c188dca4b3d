package org.ibvadvisor.clean;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ibvadvisor.text.CjkChars;

/**
 * Cleans the inside of a joined paragraph, keeping the map to the source: removes Markdown and HTML markup,
 * removes footnote marks so they cannot glue onto numbers, turns tabs into cell separators and collapses spaces.
 */
final class InlineCleaner {
    /** {@code <sup>7</sup>}: a footnote mark; dropped with its content. */
    private static final Pattern SUP_SUB = Pattern.compile("<(sup|sub)>[^<]*</\\1>");
    /** {@code <https://…>}: an autolink; the brackets go, the address stays. */
    private static final Pattern AUTOLINK = Pattern.compile("<((?:https?://|mailto:)[^>\\s]+)>");
    /** {@code [text](target)}: a link; the text stays. */
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\(([^)\\s]*)\\)");
    /** A Markdown backslash escape such as {@code \$}: the backslash goes. */
    private static final Pattern ESCAPE = Pattern.compile("\\\\(?=[\\p{Punct}])");
    /** Emphasis markers. */
    private static final Pattern EMPHASIS = Pattern.compile("\\*+");
    /** Punctuation after which a plain number of 1 to 3 digits is a footnote mark, as in "体验。1 我们". */
    private static final String FOOTNOTE_AFTER = "。！？；”」";
    private static final String CELL_SEPARATOR = " | ";

    private InlineCleaner() {
    }

    static MappedText clean(MappedText text) {
        text = dropMatches(text, SUP_SUB, 0);
        text = dropMatches(text, AUTOLINK, 1);
        text = dropMatches(text, LINK, 1);
        text = dropMatches(text, ESCAPE, -1);
        text = dropMatches(text, EMPHASIS, -1);
        text = dropFootnoteMarks(text);
        return normaliseSpaces(text);
    }

    /** Drops each match of {@code pattern}, keeping the given group (0 = keep nothing, -1 = the match is dropped). */
    private static MappedText dropMatches(MappedText text, Pattern pattern, int keepGroup) {
        Matcher m = pattern.matcher(text.text());
        if (!m.find()) return text;
        MappedText.Builder out = new MappedText.Builder();
        int pos = 0;
        do {
            out.append(text, pos, m.start());
            if (keepGroup > 0) out.append(text, m.start(keepGroup), m.end(keepGroup));
            pos = m.end();
        } while (m.find());
        out.append(text, pos, text.length());
        return out.build();
    }

    /**
     * Drops superscript digits ("40%¹", "方法。¹⁴") and plain footnote numbers right after sentence-final punctuation
     * ("体验。1 我们", "高出 24%。8", "项目。7 71% 的"). A number followed by a unit ("。5 个") is kept.
     */
    static MappedText dropFootnoteMarks(MappedText text) {
        String s = text.text();
        MappedText.Builder out = new MappedText.Builder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Chars.isSuperscriptDigit(c)) {
                i++;
                continue;
            }
            out.append(c, text.offsets()[i]);
            i++;
            if (FOOTNOTE_AFTER.indexOf(c) >= 0) {
                int markEnd = footnoteMarkEnd(s, i);
                if (markEnd > i) i = markEnd;
            }
        }
        return out.build();
    }

    /** If a footnote number starts at {@code from}, the index after it and the spaces that follow; else {@code from}. */
    private static int footnoteMarkEnd(String s, int from) {
        int end = from;
        while (end < s.length() && Chars.isAsciiDigit(s.charAt(end))) end++;
        int digits = end - from;
        if (digits < 1 || digits > 3) return from;
        int next = end;
        while (next < s.length() && Character.isWhitespace(s.charAt(next))) next++;
        if (next == s.length()) return next;
        char following = s.charAt(next);
        boolean separated = next > end;
        if (Chars.isNumberUnit(following)) return from;
        if (separated || CjkChars.isIdeograph(following)) return next;
        return from;
    }

    /** Collapses whitespace runs into one space (none next to fullwidth punctuation), tabs into " | ", and trims. */
    static MappedText normaliseSpaces(MappedText text) {
        String s = text.text();
        MappedText.Builder out = new MappedText.Builder();
        int gapStart = -1;
        boolean tab = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                if (gapStart < 0) gapStart = i;
                tab |= c == '\t';
                continue;
            }
            if (gapStart >= 0 && !out.isEmpty()) {
                if (tab) {
                    for (int k = 0; k < CELL_SEPARATOR.length(); k++) out.append(CELL_SEPARATOR.charAt(k), text.offsets()[gapStart]);
                } else if (!CjkChars.isPunctuation(out.lastChar()) && !CjkChars.isPunctuation(c)) {
                    out.append(' ', text.offsets()[gapStart]);
                }
            }
            gapStart = -1;
            tab = false;
            out.append(c, text.offsets()[i]);
        }
        return out.build();
    }
}
