package org.ibvadvisor.answer.generate;

/**
 * Removes a reasoning block that a model writes inline at the very start of its answer ({@code <think>…</think>},
 * as qwen3 or deepseek-r1 do when {@code think} is not sent), so that thinking never reaches the answer text.
 * Tags may arrive split across pieces. Not thread-safe: one per stream.
 */
public final class ThinkTagFilter {

    private static final String OPEN = "<think>";
    private static final String CLOSE = "</think>";

    private enum State { DECIDING, THINKING, AFTER_THINKING, PASSING }

    private State state = State.DECIDING;
    private final StringBuilder held = new StringBuilder();

    /** Takes the next piece of content; returns the text to pass on now (possibly empty). */
    public String accept(String piece) {
        return switch (state) {
            case PASSING -> piece;
            case DECIDING -> decide(piece);
            case THINKING -> think(piece);
            case AFTER_THINKING -> skipBlank(piece);
        };
    }

    /** At the end of the stream: text still held back because it might have begun a tag. */
    public String finish() {
        String rest = state == State.DECIDING ? held.toString() : "";
        held.setLength(0);
        state = State.PASSING;
        return rest;
    }

    private String decide(String piece) {
        held.append(piece);
        String lead = held.toString().stripLeading();
        if (lead.startsWith(OPEN)) {
            state = State.THINKING;
            String after = lead.substring(OPEN.length());
            held.setLength(0);
            return think(after);
        }
        if (OPEN.startsWith(lead)) {
            return "";
        }
        state = State.PASSING;
        String out = held.toString();
        held.setLength(0);
        return out;
    }

    private String think(String piece) {
        held.append(piece);
        int end = held.indexOf(CLOSE);
        if (end < 0) {
            int keep = Math.min(held.length(), CLOSE.length() - 1);
            held.delete(0, held.length() - keep);
            return "";
        }
        String after = held.substring(end + CLOSE.length());
        held.setLength(0);
        state = State.AFTER_THINKING;
        return skipBlank(after);
    }

    /** Drops the blank lines between the reasoning block and the answer. */
    private String skipBlank(String piece) {
        String text = piece.stripLeading();
        if (!text.isEmpty()) {
            state = State.PASSING;
        }
        return text;
    }
}
