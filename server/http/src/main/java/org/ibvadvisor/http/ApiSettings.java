package org.ibvadvisor.http;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Limits and switches of the HTTP layer.
 *
 * @param maxBodyBytes  largest request body accepted; larger ones get 413
 * @param maxJsonDepth  deepest nesting of arrays and objects accepted in a request body
 * @param rateLimit     per-client limit on {@code /api/*} and {@code /v1/*}
 * @param corsOrigins   origins allowed to call the API from a browser (e.g. {@code https://intranet.example});
 *                      empty: no CORS headers at all
 * @param sseHeartbeat  how often a silent event stream gets a comment line, which keeps proxies from closing it and
 *                      notices a client that has gone away
 * @param staticFolder  classpath folder served at {@code /} (the chat page); served only when it exists
 * @param accessLog     whether every request is logged (logger {@code org.ibvadvisor.access}: method, path, status,
 *                      milliseconds, user, client address — never a query string, body or credential)
 */
public record ApiSettings(int maxBodyBytes, int maxJsonDepth, RateLimit rateLimit,
                          List<String> corsOrigins, Duration sseHeartbeat, String staticFolder, boolean accessLog) {
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

    public ApiSettings {
        if (maxBodyBytes < 1024) throw new IllegalArgumentException("maxBodyBytes must be >= 1024, was " + maxBodyBytes);
        if (maxJsonDepth < 2) throw new IllegalArgumentException("maxJsonDepth must be >= 2, was " + maxJsonDepth);
        Objects.requireNonNull(rateLimit, "rateLimit");
        corsOrigins = List.copyOf(corsOrigins);
        Objects.requireNonNull(sseHeartbeat, "sseHeartbeat");
        if (sseHeartbeat.isNegative() || sseHeartbeat.isZero()) {
            throw new IllegalArgumentException("sseHeartbeat must be positive, was " + sseHeartbeat);
        }
        Objects.requireNonNull(staticFolder, "staticFolder");
    }

    /**
     * 64 KB bodies, depth 32, 600 requests a minute per client, no CORS, heartbeat every 15 s, page from /web, no
     * access log.
     */
    public static ApiSettings defaults() {
        return new ApiSettings(DEFAULT_MAX_BODY_BYTES, 32, RateLimit.perMinute(600), List.of(),
                Duration.ofSeconds(15), "/web", false);
    }

    public ApiSettings withMaxBodyBytes(int value) {
        return new ApiSettings(value, maxJsonDepth, rateLimit, corsOrigins, sseHeartbeat, staticFolder, accessLog);
    }

    public ApiSettings withRateLimit(RateLimit value) {
        return new ApiSettings(maxBodyBytes, maxJsonDepth, value, corsOrigins, sseHeartbeat, staticFolder, accessLog);
    }

    public ApiSettings withCorsOrigins(List<String> value) {
        return new ApiSettings(maxBodyBytes, maxJsonDepth, rateLimit, value, sseHeartbeat, staticFolder, accessLog);
    }

    public ApiSettings withSseHeartbeat(Duration value) {
        return new ApiSettings(maxBodyBytes, maxJsonDepth, rateLimit, corsOrigins, value, staticFolder, accessLog);
    }

    public ApiSettings withStaticFolder(String value) {
        return new ApiSettings(maxBodyBytes, maxJsonDepth, rateLimit, corsOrigins, sseHeartbeat, value, accessLog);
    }

    public ApiSettings withAccessLog(boolean value) {
        return new ApiSettings(maxBodyBytes, maxJsonDepth, rateLimit, corsOrigins, sseHeartbeat, staticFolder, value);
    }
}
