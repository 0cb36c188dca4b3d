package org.ibvadvisor.clean;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Joins the lines of a paragraph into one line of text, mapped to the source. A line wrapped between two CJK chars,
 * or next to fullwidth punctuation, is joined without a space; anywhere else (Latin words, digits, a CJK char next to
 * a Latin word) with one space, as the reports write "生成式 AI". Strips the line-start markers of Markdown headings
 * and bullets.
 */
final class LineJoiner {
    private static final Pattern LEADING_MARKER = Pattern.compile("\\s*(#{1,6}\\s+|[-*•·]\\s+|—(?!—))");

    private LineJoiner() {
    }

    static MappedText join(RawParagraph paragraph) {
        MappedText.Builder out = new MappedText.Builder();
        boolean first = true;
        for (SourceLine line : paragraph.lines()) {
            int from = line.contentStart();
            int to = line.contentEnd();
            if (first && (paragraph.markdownLevel() > 0 || paragraph.bullet())) {
                Matcher marker = LEADING_MARKER.matcher(line.text());
                if (marker.lookingAt()) from = Math.max(from, line.start() + marker.end());
            }
            if (from >= to) continue;
            String content = line.text().substring(from - line.start(), to - line.start());
            if (!out.isEmpty() && needsSpace(out, content)) out.insert(' ');
            for (int i = 0; i < content.length(); i++) out.append(content.charAt(i), from + i);
            first = false;
        }
        return out.build();
    }

    private static boolean needsSpace(MappedText.Builder before, String next) {
        // decide on the letters, not on the emphasis markers around them
        char last = before.lastCharOtherThan('*');
        char first = firstCharOtherThan(next, '*');
        if (Chars.isCjkPunctuation(last) || Chars.isCjkPunctuation(first)) return false;
        if (Chars.isIdeograph(last) && Chars.isIdeograph(first)) return false;
        return last != '-' && last != '/';
    }

    private static char firstCharOtherThan(String text, char skip) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != skip) return text.charAt(i);
        }
        return text.charAt(0);
    }
}
