package org.ibvadvisor.clean;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of the source: its 0-based number, the source index of its first char and its text
 * (without the line break, {@code \n} or {@code \r\n}).
 */
record SourceLine(int number, int start, String text) {

    int end() {
        return start + text.length();
    }

    boolean isBlank() {
        return text.isBlank();
    }

    /** The text without leading and trailing whitespace. */
    String trimmed() {
        return text.strip();
    }

    /** Source index of the first non-whitespace char, or {@link #end()} for a blank line. */
    int contentStart() {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
        return start + i;
    }

    /** Source index just past the last non-whitespace char, or {@link #start()} for a blank line. */
    int contentEnd() {
        int i = text.length();
        while (i > 0 && Character.isWhitespace(text.charAt(i - 1))) i--;
        return start + i;
    }

    boolean startsWithWhitespace() {
        return !text.isEmpty() && Character.isWhitespace(text.charAt(0));
    }

    static List<SourceLine> split(String source) {
        List<SourceLine> lines = new ArrayList<>();
        int start = 0;
        while (start <= source.length()) {
            int nl = source.indexOf('\n', start);
            int end = nl < 0 ? source.length() : nl;
            if (end > start && source.charAt(end - 1) == '\r') end--;
            lines.add(new SourceLine(lines.size(), start, source.substring(start, end)));
            if (nl < 0) break;
            start = nl + 1;
        }
        return lines;
    }
}
