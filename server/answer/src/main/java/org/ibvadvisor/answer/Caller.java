package org.ibvadvisor.answer;

import java.util.Objects;

/**
 * Who asks: the signed-in user's id ({@link org.ibvadvisor.identity.User#id()}), whose conversations a question is
 * answered and kept in; {@link #LOCAL} is the one implicit user of an advisor with no sign-in configured.
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
