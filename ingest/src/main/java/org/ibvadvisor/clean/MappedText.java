package org.ibvadvisor.clean;

import java.util.Arrays;

/**
 * A piece of text with, for each char, the index in the source of the char it came from.
 * Built with {@link Builder}; an inserted char maps to the source char before it.
 */
record MappedText(String text, int[] offsets) {
    MappedText {
        if (text.length() != offsets.length) {
            throw new IllegalArgumentException(offsets.length + " offsets for " + text.length() + " chars");
        }
    }

    int length() {
        return text.length();
    }

    char charAt(int i) {
        return text.charAt(i);
    }

    boolean isEmpty() {
        return text.isEmpty();
    }

    /** Accumulates chars together with their source offsets. */
    static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private int[] offsets = new int[64];

        Builder append(char c, int sourceOffset) {
            if (text.length() == offsets.length) offsets = Arrays.copyOf(offsets, offsets.length * 2);
            offsets[text.length()] = sourceOffset;
            text.append(c);
            return this;
        }

        /** Appends an inserted char (a joining space, a separator): it maps to the last char appended. */
        Builder insert(char c) {
            return append(c, lastOffset());
        }

        Builder append(MappedText other, int from, int to) {
            for (int i = from; i < to; i++) append(other.charAt(i), other.offsets()[i]);
            return this;
        }

        int length() {
            return text.length();
        }

        boolean isEmpty() {
            return text.isEmpty();
        }

        char lastChar() {
            return text.charAt(text.length() - 1);
        }

        /** The last char that is not {@code skip}, or the last char if all are. */
        char lastCharOtherThan(char skip) {
            for (int i = text.length() - 1; i >= 0; i--) {
                if (text.charAt(i) != skip) return text.charAt(i);
            }
            return lastChar();
        }

        int lastOffset() {
            return text.isEmpty() ? 0 : offsets[text.length() - 1];
        }

        void dropLast() {
            text.setLength(text.length() - 1);
        }

        MappedText build() {
            return new MappedText(text.toString(), Arrays.copyOf(offsets, text.length()));
        }
    }
}
