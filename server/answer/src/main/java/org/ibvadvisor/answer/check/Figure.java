package org.ibvadvisor.answer.check;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A number as a text states it, normalised so that different ways of writing it compare equal: {@code 1,110} and
 * {@code 1110}; {@code 40%}, {@code 40 %}, {@code 40％} and {@code 百分之四十}; {@code 2.5 倍} and {@code 2.5 times};
 * {@code 1.2 亿} and {@code 120 million}.
 *
 * @param surface the figure as written, e.g. {@code 40 %}
 * @param start   where it starts in the text it was found in
 * @param end     where it ends (exclusive)
 * @param value   its value, scale words applied ({@code 万}, {@code 亿}, {@code million}, …)
 * @param kind    what it counts
 */
public record Figure(String surface, int start, int end, BigDecimal value, Kind kind) {

    /** What a figure counts; years and other plain numbers are {@link #NUMBER}. */
    public enum Kind { NUMBER, PERCENT, TIMES }

    public Figure {
        Objects.requireNonNull(surface, "surface");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * Whether this figure (from an answer) is stated by {@code other} (from a source): the same value, and the same
     * kind unless this one is a plain number ({@code 40} is backed by {@code 40%}, {@code 40%} is not by {@code 40 家}).
     */
    public boolean statedBy(Figure other) {
        return value.compareTo(other.value) == 0 && (kind == Kind.NUMBER || kind == other.kind);
    }

    /**
     * Whether an answer's figure is worth checking: every percentage, multiple, decimal and number of 10 or more
     * (years included); not the small whole numbers of ordinary prose ("3 个方面", list numbers).
     */
    public boolean checkable() {
        return kind != Kind.NUMBER || value.compareTo(BigDecimal.TEN) >= 0 || value.stripTrailingZeros().scale() > 0;
    }
}
