package org.ibvadvisor.http.auth;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.ibvadvisor.identity.ApiKeys;

/**
 * How callers prove who they are, and what the server accepts besides. With nothing set (and no key in
 * {@code keys}) the server has one implicit user, {@code local}, and refuses to listen beyond loopback unless
 * {@code noAuth}.
 *
 * @param adminApiKey     one shared key with the admin rights ({@code --api-key}), or {@code null}
 * @param keys            the per-person keys of the data folder, or {@code null}
 * @param proxy           a trusted reverse proxy naming users in headers, or {@code null}
 * @param oidc            sign-in through an OpenID Connect provider, or {@code null}
 * @param adminGroups     groups (from the proxy or the ID token) whose members are admins
 * @param noAuth          everyone is the implicit {@code local} user even beyond loopback (logged as a warning)
 * @param publicNames     host names the server answers to besides its address and {@code localhost}
 *                        (a {@code Host} header with any other name gets 421)
 * @param sessionLifetime how long a sign-in session lasts
 */
public record AuthSettings(String adminApiKey, ApiKeys keys, TrustedProxy proxy, OidcSettings oidc,
                           Set<String> adminGroups, boolean noAuth, List<String> publicNames, Duration sessionLifetime) {
    public AuthSettings {
        if (adminApiKey != null && adminApiKey.isBlank()) throw new IllegalArgumentException("adminApiKey must not be blank");
        adminGroups = Set.copyOf(adminGroups);
        publicNames = publicNames.stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).filter(name -> !name.isEmpty())
                .distinct().toList();
        Objects.requireNonNull(sessionLifetime, "sessionLifetime");
        if (sessionLifetime.isNegative() || sessionLifetime.isZero()) {
            throw new IllegalArgumentException("sessionLifetime must be positive, was " + sessionLifetime);
        }
        if (noAuth && (adminApiKey != null || proxy != null || oidc != null)) {
            throw new IllegalArgumentException("--no-auth contradicts the sign-in configured ("
                    + String.join(", ", configuredPaths(adminApiKey, proxy, oidc)) + "): drop one");
        }
    }

    /** Nothing configured: the implicit local user on loopback. */
    public static AuthSettings none() {
        return new AuthSettings(null, null, null, null, Set.of(), false, List.of(), Duration.ofHours(12));
    }

    public AuthSettings withAdminApiKey(String value) {
        return new AuthSettings(value, keys, proxy, oidc, adminGroups, noAuth, publicNames, sessionLifetime);
    }

    public AuthSettings withKeys(ApiKeys value) {
        return new AuthSettings(adminApiKey, value, proxy, oidc, adminGroups, noAuth, publicNames, sessionLifetime);
    }

    public AuthSettings withProxy(TrustedProxy value) {
        return new AuthSettings(adminApiKey, keys, value, oidc, adminGroups, noAuth, publicNames, sessionLifetime);
    }

    public AuthSettings withOidc(OidcSettings value) {
        return new AuthSettings(adminApiKey, keys, proxy, value, adminGroups, noAuth, publicNames, sessionLifetime);
    }

    public AuthSettings withAdminGroups(Set<String> value) {
        return new AuthSettings(adminApiKey, keys, proxy, oidc, value, noAuth, publicNames, sessionLifetime);
    }

    public AuthSettings withNoAuth(boolean value) {
        return new AuthSettings(adminApiKey, keys, proxy, oidc, adminGroups, value, publicNames, sessionLifetime);
    }

    public AuthSettings withPublicNames(List<String> value) {
        return new AuthSettings(adminApiKey, keys, proxy, oidc, adminGroups, noAuth, value, sessionLifetime);
    }

    public AuthSettings withSessionLifetime(Duration value) {
        return new AuthSettings(adminApiKey, keys, proxy, oidc, adminGroups, noAuth, publicNames, value);
    }

    /** Whether any way of signing in is configured now (a key added to {@code keys} later turns it on). */
    public boolean signInConfigured() {
        return adminApiKey != null || proxy != null || oidc != null || (keys != null && keys.holdsAny());
    }

    /** The ways in, for messages ({@code "--api-key", "keys in the data folder", …}). */
    public List<String> configuredPaths() {
        List<String> paths = new java.util.ArrayList<>(configuredPaths(adminApiKey, proxy, oidc));
        if (keys != null && keys.holdsAny()) paths.add("API keys in the data folder");
        return paths;
    }

    private static List<String> configuredPaths(String adminApiKey, TrustedProxy proxy, OidcSettings oidc) {
        List<String> paths = new java.util.ArrayList<>();
        if (adminApiKey != null) paths.add("--api-key");
        if (proxy != null) paths.add("--trusted-proxy");
        if (oidc != null) paths.add("--oidc-issuer");
        return paths;
    }

    /** Never the key. */
    @Override
    public String toString() {
        return "AuthSettings[adminApiKey=" + (adminApiKey == null ? "none" : "…") + ", keys=" + keys + ", proxy=" + proxy
                + ", oidc=" + oidc + ", adminGroups=" + adminGroups + ", noAuth=" + noAuth + ", publicNames="
                + publicNames.stream().collect(Collectors.joining(",")) + ", sessionLifetime=" + sessionLifetime + "]";
    }
}
