package org.ibvadvisor.http.auth;

import io.javalin.http.Context;
import java.util.OptionalLong;

/**
 * The rate limit, asked by {@link AccessControl} once it knows who is calling and before it refuses a caller it does
 * not know, so that keys cannot be guessed at speed. Implementations are thread-safe.
 */
@FunctionalInterface
public interface RequestThrottle {
    /** No limit. */
    RequestThrottle NONE = (client, request) -> OptionalLong.empty();

    /**
     * Takes what {@code request} costs from {@code client}'s allowance.
     *
     * @param client whose allowance: {@code user:<id>} for a signed-in user, {@code address:<ip>} for everyone else
     *               (the real client's address behind a trusted proxy)
     * @return empty when admitted, else the whole seconds to wait
     */
    OptionalLong acquire(String client, Context request);
}
