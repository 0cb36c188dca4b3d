package org.ibvadvisor.http.auth;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a state-changing request's {@code Origin} may make it: none (not a browser, or a same-origin navigation of an
 * old one), the advisor's own origin (the host the browser asked for, over http or https), or a configured CORS
 * origin. {@code Origin: null} (sandboxed frames, some redirects) and every other origin are refused.
 */
final class OriginPolicy {
    private final Set<String> corsOrigins;

    OriginPolicy(List<String> corsOrigins) {
        this.corsOrigins = corsOrigins.stream().map(OriginPolicy::normalized).filter(origin -> origin != null)
                .collect(Collectors.toUnmodifiableSet());
    }

    boolean allows(String origin, String requestedHost) {
        if (origin == null) return true;
        String given = normalized(origin);
        if (given == null) return false;
        if (corsOrigins.contains(given)) return true;
        if (requestedHost == null || requestedHost.isBlank()) return false;
        String host = requestedHost.strip().toLowerCase(Locale.ROOT);
        return given.equals(normalized("http://" + host)) || given.equals(normalized("https://" + host));
    }

    /** {@code scheme://host[:port]} in lower case, the default port dropped; {@code null} when not an origin. */
    static String normalized(String origin) {
        try {
            URI uri = new URI(origin.strip());
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null || uri.getRawUserInfo() != null) return null;
            if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) return null;
            scheme = scheme.toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
