package org.ibvadvisor.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * What is known about an API key besides its secret (which is never kept, only its hash).
 *
 * @param id        the key's public id, part of the key itself (shown by {@code keys list}, used by {@code keys revoke})
 * @param user      whose key it is
 * @param admin     whether the key carries the admin rights
 * @param createdAt when it was made
 * @param expiresAt when it stops working, or {@code null} for never
 * @param revokedAt when it was revoked, or {@code null}
 */
public record ApiKeyInfo(String id, String user, boolean admin, Instant createdAt, Instant expiresAt, Instant revokedAt) {
    public ApiKeyInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!User.validId(user)) throw new IllegalArgumentException("not a valid user name: \"" + user + "\"");
    }

    /** Whether the key lets a request in at {@code now}. */
    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    /** The user a request with this key is made for. */
    public User owner() {
        return new User(user, null, null, admin, AuthMethod.KEY);
    }
}
