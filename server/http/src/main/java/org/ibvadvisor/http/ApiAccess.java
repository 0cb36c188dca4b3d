package org.ibvadvisor.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Who may use the API, checked before its routes: the per-client rate limit, then the key. Also sets every
 * response's security headers.
 */
final class ApiAccess {
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";

    private final ClientRateLimiter rateLimiter;
    private final byte[] apiKey;

    ApiAccess(ApiSettings settings) {
        this.rateLimiter = new ClientRateLimiter(settings.rateLimit());
        this.apiKey = settings.apiKey() == null ? null : settings.apiKey().getBytes(StandardCharsets.UTF_8);
    }

    void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
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
