package org.ibvadvisor.conversation;

/** Cleans titles and derives a default title from a conversation's first question. */
public final class Titles {
    /** Code points of a question kept in a default title. */
    public static final int DEFAULT_TITLE_CODE_POINTS = 40;

    private Titles() {
    }

    /** {@code text} on one line: every run of whitespace and control characters becomes one space, ends stripped. */
    public static String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) out.append(' ');
                pendingSpace = false;
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /** The beginning of {@code question}, on one line, at most {@code maxChars} chars, "…" marking a cut. */
    public static String fromQuestion(String question, int maxChars) {
        String line = normalize(question);
        int keep = Math.min(DEFAULT_TITLE_CODE_POINTS, line.codePointCount(0, line.length()));
        int end = line.offsetByCodePoints(0, keep);
        if (end == line.length() && end <= maxChars) return line;
        end = Math.min(end, maxChars - 1);
        if (end > 0 && Character.isHighSurrogate(line.charAt(end - 1))) end--;
        return line.substring(0, end).stripTrailing() + "…";
    }
}
