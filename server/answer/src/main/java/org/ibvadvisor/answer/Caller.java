package org.ibvadvisor.answer;

import java.util.Objects;

/**
 * Who asks: for now always {@link #LOCAL}, the one implicit user of this advisor; identities (and who owns which
 * conversation) can arrive later without changing the signatures that carry a question.
 *
 * @param id the caller's id; not blank
 */
public record Caller(String id) {
    /** The one implicit user. */
    public static final Caller LOCAL = new Caller("local");

    public Caller {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) throw new IllegalArgumentException("caller id must not be blank");
    }
}
