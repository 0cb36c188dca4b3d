package org.ibvadvisor.text;

/**
 * A sentence of a text, by its exact span: {@code text.substring(start, end)} is the sentence as written there,
 * trimmed of surrounding whitespace.
 */
public record Sentence(int start, int end) {
    public Sentence {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad sentence span [" + start + ", " + end + ")");
        }
    }

    public int length() {
        return end - start;
    }

    /** The sentence's text in {@code text} (the text it was found in). */
    public String in(String text) {
        return text.substring(start, end);
    }
}
