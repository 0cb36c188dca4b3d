package org.ibvadvisor.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.OptionalLong;

/** What every API request passes before its route: the rate limit and the key (security headers: auth.SecurityHeaders). */
final class ApiAccess {
    private final ClientRateLimiter rateLimiter;
    private final byte[] apiKey;

    ApiAccess(ApiSettings settings) {
        this.rateLimiter = new ClientRateLimiter(settings.rateLimit());
        this.apiKey = settings.apiKey() == null ? null : settings.apiKey().getBytes(StandardCharsets.UTF_8);
    }

    /** Rate limit first (so keys cannot be guessed at speed), then the key. CORS preflights pass untouched. */
    void api(Context ctx) {
        if (ctx.method() == HandlerType.OPTIONS) return;
        OptionalLong wait = rateLimiter.acquire(ctx.ip());
        if (wait.isPresent()) {
            throw new ApiException(429, "too many requests: retry in " + wait.getAsLong() + " s",
                    Map.of("Retry-After", Long.toString(wait.getAsLong())));
        }
        if (apiKey != null && !authorized(ctx.header("Authorization"))) {
            throw new ApiException(401, "missing or wrong API key: send Authorization: Bearer <key>",
                    Map.of("WWW-Authenticate", "Bearer"));
        }
    }

    private boolean authorized(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return false;
        byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, apiKey);
    }
}
