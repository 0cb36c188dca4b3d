package org.ibvadvisor.http.auth;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * The security headers of every response, set by Jetty before any handler runs — so the page, static files, the
 * API and Jetty's own error responses all carry them: the Content-Security-Policy the chat page is tested under,
 * {@code X-Frame-Options: DENY}, {@code nosniff}, {@code Referrer-Policy: no-referrer}; {@code Cache-Control:
 * no-store} on {@code /api}, {@code /v1} and {@code /auth}; HSTS over HTTPS (the connection's, or a trusted proxy's).
 */
public final class SecurityHeaders implements HttpConfiguration.Customizer {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000";

    private final IdentityResolver resolver;

    SecurityHeaders(IdentityResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable headers) {
        putAlways(headers);
        String path = request.getHttpURI().getPath();
        if (path != null && (path.startsWith("/api/") || path.startsWith("/v1/") || path.startsWith("/auth/"))) {
            headers.put("Cache-Control", "no-store");
        }
        if (resolver.https(JettyRequestFacts.of(request), request.isSecure())) {
            headers.put("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        }
        return request;
    }

    /**
     * The headers every response carries, for the responses Jetty makes before any customizer ran (a request line
     * it cannot parse): those are JSON errors, so {@code no-store} too.
     */
    public static void putOnError(HttpFields.Mutable headers) {
        putAlways(headers);
        headers.put("Cache-Control", "no-store");
    }

    private static void putAlways(HttpFields.Mutable headers) {
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Frame-Options", "DENY");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
    }
}
