package org.ibvadvisor.clean;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ibvadvisor.text.WrappedLines;

/**
 * Joins the lines of a paragraph into one line of text, mapped to the source, as {@link WrappedLines} joins them.
 * Strips the line-start markers of Markdown headings and bullets.
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
            if (!out.isEmpty() && WrappedLines.spaceBetween(out.lastCharOtherThan('*'),
                    WrappedLines.firstOtherThanStar(content, 0))) {
                out.insert(' ');
            }
            for (int i = 0; i < content.length(); i++) out.append(content.charAt(i), from + i);
            first = false;
        }
        return out.build();
    }
}
