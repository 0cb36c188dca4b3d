package org.ibvadvisor.http.auth;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Sign-in through an OpenID Connect provider (authorization code with PKCE).
 *
 * @param issuer       the provider's issuer; its discovery document is at {@code issuer/.well-known/openid-configuration}
 * @param clientId     this advisor's client id there
 * @param clientSecret its secret, or {@code null} for a public client
 * @param redirectUri  where the provider sends the browser back ({@code …/auth/callback}), or {@code null} for the
 *                     advisor's own address as the browser reached it
 * @param userClaim    the ID-token claim that names the user (default {@code preferred_username})
 * @param groupsClaim  the claim listing their groups (default {@code groups})
 * @param scopes       scopes asked for ({@code openid} always)
 */
public record OidcSettings(URI issuer, String clientId, String clientSecret, URI redirectUri, String userClaim,
                           String groupsClaim, List<String> scopes) {
    public OidcSettings {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(clientId, "clientId");
        if (clientId.isBlank()) throw new IllegalArgumentException("clientId must not be blank");
        if (!"https".equals(issuer.getScheme()) && !"http".equals(issuer.getScheme())) {
            throw new IllegalArgumentException("the OIDC issuer must be an http(s) URL, was " + issuer);
        }
        clientSecret = clientSecret == null || clientSecret.isBlank() ? null : clientSecret;
        userClaim = userClaim == null || userClaim.isBlank() ? "preferred_username" : userClaim;
        groupsClaim = groupsClaim == null || groupsClaim.isBlank() ? "groups" : groupsClaim;
        scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "profile", "email") : List.copyOf(scopes);
    }

    public static OidcSettings of(URI issuer, String clientId, String clientSecret) {
        return new OidcSettings(issuer, clientId, clientSecret, null, null, null, null);
    }

    public OidcSettings withRedirectUri(URI value) {
        return new OidcSettings(issuer, clientId, clientSecret, value, userClaim, groupsClaim, scopes);
    }

    /** Never the secret. */
    @Override
    public String toString() {
        return "OidcSettings[issuer=" + issuer + ", clientId=" + clientId + ", clientSecret="
                + (clientSecret == null ? "none" : "…") + ", redirectUri=" + redirectUri + ", userClaim=" + userClaim
                + ", groupsClaim=" + groupsClaim + ", scopes=" + scopes + "]";
    }
}
