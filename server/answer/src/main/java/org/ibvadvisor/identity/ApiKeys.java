package org.ibvadvisor.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The API keys of an advisor's users: each names one user, is stored only as a hash, may expire and may be revoked.
 * Implementations are thread-safe; a key created or revoked by another process (the {@code ./advisor keys} command
 * beside a running server) takes effect within a second or two.
 */
public interface ApiKeys {

    /**
     * The user a presented key belongs to; empty when it is no key of this store, a wrong secret, revoked or expired.
     * Never throws for a malformed key. Called on every request: a key verified once is remembered (in memory, by a
     * digest of the secret) so that the slow hash is not computed again.
     */
    Optional<User> verify(String presentedKey, Instant now);

    /** Whether any key was ever made here (revoked and expired ones count): then the advisor requires sign-in. */
    boolean holdsAny();

    /** Makes a key for {@code user}; {@code expiresAt} {@code null} means it never expires. */
    IssuedKey create(String user, boolean admin, Instant expiresAt, Instant now);

    /** Every key, oldest first. */
    List<ApiKeyInfo> list();

    /** Revokes a key by its id; {@code false} when there is no such key (revoking twice is not an error). */
    boolean revoke(String keyId, Instant now);
}
