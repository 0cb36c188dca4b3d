package org.ibvadvisor.clean;

/**
 * Tuning of {@link PdfTextCleaner}.
 *
 * @param maxTitleChars            a stand-alone line wider than this many CJK chars (a Latin char counts half) is never
 *                                 taken for a title
 * @param runningHeadMinRepeats    a line must occur at least this often to be taken for a running head
 * @param markdownHeadingThreshold a document with at least this many {@code #} heading lines is read as Markdown:
 *                                 its {@code #} lines are its headings and no other title is guessed
 */
public record CleanerOptions(int maxTitleChars, int runningHeadMinRepeats, int markdownHeadingThreshold) {
    public CleanerOptions {
        if (maxTitleChars < 1) throw new IllegalArgumentException("maxTitleChars must be positive: " + maxTitleChars);
        if (runningHeadMinRepeats < 2) {
            throw new IllegalArgumentException("runningHeadMinRepeats must be at least 2: " + runningHeadMinRepeats);
        }
        if (markdownHeadingThreshold < 1) {
            throw new IllegalArgumentException("markdownHeadingThreshold must be positive: " + markdownHeadingThreshold);
        }
    }

    /** Values tuned on the bundled corpus. */
    public static CleanerOptions defaults() {
        return new CleanerOptions(30, 4, 3);
    }
}
