package org.ibvadvisor.http.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.ibvadvisor.identity.AuthMethod;
import org.ibvadvisor.identity.User;

/**
 * Who a request is made for, from what it carries, in this order: a trusted proxy's identity headers (refused from any
 * other address), an {@code Authorization: Bearer} key (the shared admin key, then the per-person keys), the page's
 * session cookie; with nothing configured, the implicit {@code local} user (only where the server may have one:
 * on loopback or with {@code --no-auth}). Thread-safe; no Javalin here.
 */
public final class IdentityResolver {
    public static final String SESSION_COOKIE = "advisor_session";

    private final AuthSettings settings;
    private final boolean localUserAllowed;
    private final Sessions sessions;
    private final Clock clock;
    private final byte[] adminKey;

    IdentityResolver(AuthSettings settings, boolean localUserAllowed, Sessions sessions, Clock clock) {
        this.settings = settings;
        this.localUserAllowed = localUserAllowed;
        this.sessions = sessions;
        this.clock = clock;
        this.adminKey = settings.adminApiKey() == null ? null : settings.adminApiKey().getBytes(StandardCharsets.UTF_8);
    }

    public Resolution resolve(RequestFacts request) {
        if (!settings.signInConfigured()) {
            // today's single-user advisor: whatever a request carries, it is the local user's
            return localUserAllowed ? new Resolution.Known(User.local()) : new Resolution.Anonymous();
        }
        TrustedProxy proxy = settings.proxy();
        if (proxy != null) {
            boolean fromProxy = proxy.trusts(request.remoteAddress());
            String name = request.header(proxy.userHeader());
            if (fromProxy && name != null && !name.isBlank()) return proxyUser(proxy, name.strip(), request);
            if (!fromProxy && proxy.identityHeaders().stream().anyMatch(header -> request.header(header) != null)) {
                return new Resolution.Refused("identity headers from an address that is not a trusted proxy");
            }
        }
        String authorization = request.header("Authorization");
        if (authorization != null) return bearer(authorization);
        Optional<User> session = sessions.find(request.cookie(SESSION_COOKIE), clock.instant());
        if (session.isPresent()) return new Resolution.Known(session.get());
        return new Resolution.Anonymous();
    }

    /** The user of a request made with the shared {@code --api-key}: {@code local}, who owned everything before. */
    static User adminKeyUser() {
        return new User(User.LOCAL_ID, null, null, true, AuthMethod.KEY);
    }

    private Resolution bearer(String authorization) {
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Resolution.Refused("the Authorization header must be 'Bearer <key>'");
        }
        String key = authorization.substring(7).strip();
        if (adminKey != null && MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), adminKey)) {
            return new Resolution.Known(adminKeyUser());
        }
        if (settings.keys() != null) {
            Optional<User> user = settings.keys().verify(key, clock.instant());
            if (user.isPresent()) return new Resolution.Known(user.get());
        }
        return new Resolution.Refused("wrong, revoked or expired API key");
    }

    private Resolution proxyUser(TrustedProxy proxy, String name, RequestFacts request) {
        if (!User.validId(name)) return new Resolution.Refused("the proxy's user header is not a valid user name");
        String email = proxy.emailHeader() == null ? null : request.header(proxy.emailHeader());
        Set<String> groups = proxy.groupsHeader() == null ? Set.of() : groups(request.header(proxy.groupsHeader()));
        boolean admin = groups.stream().anyMatch(settings.adminGroups()::contains);
        return new Resolution.Known(new User(name, null, email, admin, AuthMethod.PROXY));
    }

    static Set<String> groups(String header) {
        if (header == null) return Set.of();
        return Arrays.stream(header.split(",")).map(String::strip).filter(group -> !group.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The address of whoever sent the request: behind a trusted proxy, the nearest address in {@code X-Forwarded-For}
     * that is not the proxy's own; otherwise the connection's.
     */
    public String clientAddress(RequestFacts request) {
        String remote = request.remoteAddress();
        TrustedProxy proxy = settings.proxy();
        if (proxy == null || !proxy.trusts(remote)) return remote;
        String forwarded = request.header("X-Forwarded-For");
        if (forwarded == null) return remote;
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (Cidr.literal(hop) == null) return remote;
            if (!proxy.trusts(hop)) return hop;
        }
        return remote;
    }

    /** Whether the request came from a trusted proxy (whose forwarded headers are believed). */
    public boolean fromTrustedProxy(RequestFacts request) {
        TrustedProxy proxy = settings.proxy();
        return proxy != null && proxy.trusts(request.remoteAddress());
    }

    /** Whether the browser reached the advisor over HTTPS: the connection's, or a trusted proxy's {@code X-Forwarded-Proto}. */
    public boolean https(RequestFacts request, boolean secureConnection) {
        if (secureConnection) return true;
        TrustedProxy proxy = settings.proxy();
        if (proxy == null || !proxy.trusts(request.remoteAddress())) return false;
        String proto = request.header("X-Forwarded-Proto");
        return proto != null && proto.strip().equalsIgnoreCase("https");
    }

    /** The host the browser asked for: the {@code Host} header, or a trusted proxy's {@code X-Forwarded-Host}. */
    public String requestedHost(RequestFacts request) {
        TrustedProxy proxy = settings.proxy();
        if (proxy != null && proxy.trusts(request.remoteAddress())) {
            String forwarded = request.header("X-Forwarded-Host");
            if (forwarded != null && !forwarded.isBlank()) return forwarded.split(",")[0].strip();
        }
        return request.header("Host");
    }
}
