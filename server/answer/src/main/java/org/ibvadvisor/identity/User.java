package org.ibvadvisor.identity;

import java.util.Objects;

/**
 * The person (or script) a request is made for. Two requests with the same {@link #id()} own the same conversations,
 * whichever way they signed in.
 *
 * @param id    the user's stable name, e.g. {@code ana}; 1 to 200 characters, no control characters
 * @param name  a display name, or {@code null}
 * @param email an e-mail address, or {@code null}
 * @param admin whether the user has the admin rights (everyone's feedback, reports, keys) besides their own
 * @param auth  how they proved it
 */
public record User(String id, String name, String email, boolean admin, AuthMethod auth) {
    /** The id of the implicit user of an advisor with nothing configured; existing conversations belong to it. */
    public static final String LOCAL_ID = "local";
    public static final int MAX_ID_CHARS = 200;

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(auth, "auth");
        if (!validId(id)) throw new IllegalArgumentException("user id must be 1 to " + MAX_ID_CHARS
                + " characters without control characters or surrounding spaces, was \"" + shorten(id) + "\"");
        name = blankToNull(name);
        email = blankToNull(email);
    }

    /** The implicit user of an unconfigured advisor bound to loopback: every right. */
    public static User local() {
        return new User(LOCAL_ID, null, null, true, AuthMethod.LOCAL);
    }

    /** Whether {@code id} may name a user. */
    public static boolean validId(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID_CHARS || !id.strip().equals(id)) return false;
        return id.chars().noneMatch(Character::isISOControl);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String shorten(String value) {
        String printable = value.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "…";
    }
}
