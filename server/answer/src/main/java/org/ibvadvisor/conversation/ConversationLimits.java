package org.ibvadvisor.conversation;

/**
 * How large conversations may grow; every limit counts UTF-16 chars ({@link String#length()}) or messages.
 *
 * @param maxTitleChars   longest title accepted by create and rename
 * @param maxMessages     most messages in one conversation, questions and answers together; at least 2
 * @param maxContentChars longest message text
 * @param maxMetaChars    longest answer-metadata JSON text
 * @param maxCommentChars longest feedback comment
 */
public record ConversationLimits(int maxTitleChars, int maxMessages, int maxContentChars, int maxMetaChars,
                                 int maxCommentChars) {
    public ConversationLimits {
        positive("maxTitleChars", maxTitleChars);
        positive("maxContentChars", maxContentChars);
        positive("maxMetaChars", maxMetaChars);
        positive("maxCommentChars", maxCommentChars);
        if (maxMessages < 2) {
            throw new IllegalArgumentException("maxMessages " + maxMessages + " < 2: a question needs room for its answer");
        }
    }

    /** Room for 100 questions and answers, long answers and their citations. */
    public static ConversationLimits defaults() {
        return new ConversationLimits(200, 200, 100_000, 1_000_000, 2_000);
    }

    private static void positive(String name, int value) {
        if (value <= 0) throw new IllegalArgumentException(name + " " + value + " <= 0");
    }
}
