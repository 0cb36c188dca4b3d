package org.ibvadvisor.http.auth;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.ibvadvisor.identity.User;

/**
 * Sign-in sessions of the page, in memory: a random id (the cookie's value) to the user and when it ends. A restart
 * signs everybody out, which the page handles by signing in again. Thread-safe.
 */
final class Sessions {
    private static final int MAX_SESSIONS = 100_000;

    private record Session(User user, Instant expiresAt) {
    }

    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    Sessions(Duration lifetime) {
        this.lifetime = lifetime;
    }

    Duration lifetime() {
        return lifetime;
    }

    /** Opens a session for {@code user}; the id returned is the secret the browser keeps. */
    String open(User user, Instant now) {
        if (sessions.size() >= MAX_SESSIONS) sessions.values().removeIf(session -> !now.isBefore(session.expiresAt));
        if (sessions.size() >= MAX_SESSIONS) throw new IllegalStateException("too many sessions open");
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(id, new Session(user, now.plus(lifetime)));
        return id;
    }

    Optional<User> find(String id, Instant now) {
        if (id == null) return Optional.empty();
        Session session = sessions.get(id);
        if (session == null) return Optional.empty();
        if (!now.isBefore(session.expiresAt)) {
            sessions.remove(id);
            return Optional.empty();
        }
        return Optional.of(session.user);
    }

    void close(String id) {
        if (id != null) sessions.remove(id);
    }
}
