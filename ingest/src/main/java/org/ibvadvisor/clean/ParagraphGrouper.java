package org.ibvadvisor.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Groups the text lines of a document into paragraphs. A paragraph ends at a blank line or page furniture;
 * a new one also starts at an indented line (a new text box in the PDF layout), a list item, a Markdown heading,
 * a chapter line or a table row, and after a line shaped like a title that is followed by a line at least twice as
 * long (a title set right above its text, as in "混合设计和生态系统" over a full-width line). Headings, chapter
 * lines and table rows stand alone.
 */
final class ParagraphGrouper {
    static final Pattern MARKDOWN_HEADING = Pattern.compile("\\s*(#{1,6})\\s+\\S.*");
    static final Pattern BULLET = Pattern.compile("\\s*([-*•·]\\s+|—(?!—)).*");
    private static final Pattern NUMBERED_ITEM = Pattern.compile("\\s*\\d{1,3}[.)、]\\s+\\S.*");

    /** A title set above its text is at least this long: shorter lines are names ("何小龙") or fragments. */
    private static final int MIN_TITLE_ABOVE_CHARS = 5;

    private final HeadingDetector headings;

    ParagraphGrouper(HeadingDetector headings) {
        this.headings = headings;
    }

    List<RawParagraph> group(List<SourceLine> lines, LineRole[] roles) {
        List<RawParagraph> paragraphs = new ArrayList<>();
        List<SourceLine> current = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            SourceLine line = lines.get(i);
            if (roles[i] != LineRole.TEXT) {
                flush(current, paragraphs, lines, roles);
                continue;
            }
            if (!current.isEmpty() && (startsParagraph(line) || standsAlone(current.getLast())
                    || isTitleAbove(current.getLast(), line))) {
                flush(current, paragraphs, lines, roles);
            }
            current.add(line);
        }
        flush(current, paragraphs, lines, roles);
        return paragraphs;
    }

    private static boolean startsParagraph(SourceLine line) {
        String text = line.text();
        return line.startsWithWhitespace() || standsAlone(line)
                || BULLET.matcher(text).matches() || NUMBERED_ITEM.matcher(text).matches();
    }

    private boolean isTitleAbove(SourceLine line, SourceLine next) {
        String text = line.trimmed();
        String following = next.trimmed();
        return text.length() >= MIN_TITLE_ABOVE_CHARS && text.length() * 2 <= following.length()
                && headings.hasTitleShape(text) && !HeadingDetector.continuesParagraph(following);
    }

    private static boolean standsAlone(SourceLine line) {
        String text = line.text();
        return MARKDOWN_HEADING.matcher(text).matches() || text.indexOf('\t') >= 0
                || HeadingDetector.isChapterLine(text.strip());
    }

    private static void flush(List<SourceLine> current, List<RawParagraph> out, List<SourceLine> lines, LineRole[] roles) {
        if (current.isEmpty()) return;
        SourceLine first = current.getFirst();
        var heading = MARKDOWN_HEADING.matcher(first.text());
        int level = heading.matches() ? heading.group(1).length() : 0;
        boolean bullet = level == 0 && BULLET.matcher(first.text()).matches();
        boolean table = first.text().indexOf('\t') >= 0;
        out.add(new RawParagraph(current, level, bullet, table, nextIsPageNumber(lines, roles, current.getLast().number())));
        current.clear();
    }

    private static boolean nextIsPageNumber(List<SourceLine> lines, LineRole[] roles, int last) {
        int next = last + 1;
        while (next < lines.size() && roles[next] == LineRole.BLANK) next++;
        return next < lines.size() && roles[next] == LineRole.PAGE_NUMBER;
    }
}
