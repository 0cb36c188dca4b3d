package org.ibvadvisor.http.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ibvadvisor.identity.AuthMethod;
import org.ibvadvisor.identity.User;

/**
 * The OpenID Connect authorization-code flow with PKCE (S256), on the Nimbus OAuth 2.0 / OIDC SDK: the provider's
 * discovery document read once (on first use, so that a provider down at start-up does not stop the advisor), an
 * authorization request with a fresh state, nonce and code verifier, then the code exchanged at the token endpoint
 * and the ID token validated by the SDK's {@link IDTokenValidator} against the provider's JWKS — signature (RSA or EC
 * only: never {@code none}, never a shared-secret HMAC), issuer, audience, expiry and the nonce of this sign-in. Each
 * state is good for one callback within {@link #PENDING_LIFETIME}. Thread-safe.
 */
final class OidcLogin {
    static final Duration PENDING_LIFETIME = Duration.ofMinutes(10);
    private static final int MAX_PENDING = 10_000;
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 10_000;
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384,
            JWSAlgorithm.ES512, JWSAlgorithm.EdDSA);

    /** A sign-in that failed: the message says why, for the log and the browser (never a token). */
    static final class LoginFailed extends RuntimeException {
        LoginFailed(String message) {
            super(message, null, false, false);
        }
    }

    /** Where to send the browser, and the state to remember in its login cookie. */
    record Start(URI authorizationUri, String state) {
    }

    private record Pending(CodeVerifier verifier, Nonce nonce, URI redirectUri, Instant expiresAt) {
    }

    private record Provider(OIDCProviderMetadata metadata, IDTokenValidator validator) {
    }

    private final OidcSettings settings;
    private final Set<String> adminGroups;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private volatile Provider provider;

    OidcLogin(OidcSettings settings, Set<String> adminGroups) {
        this.settings = settings;
        this.adminGroups = Set.copyOf(adminGroups);
    }

    OidcSettings settings() {
        return settings;
    }

    Start begin(URI redirectUri, Instant now) {
        Provider current = provider();
        if (pending.size() >= MAX_PENDING) pending.values().removeIf(login -> !now.isBefore(login.expiresAt()));
        if (pending.size() >= MAX_PENDING) throw new LoginFailed("too many sign-ins under way; try again in a few minutes");
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope(settings.scopes().toArray(String[]::new)), new ClientID(settings.clientId()), redirectUri)
                .endpointURI(current.metadata().getAuthorizationEndpointURI())
                .state(state).nonce(nonce).codeChallenge(verifier, CodeChallengeMethod.S256)
                .build();
        pending.put(state.getValue(), new Pending(verifier, nonce, redirectUri, now.plus(PENDING_LIFETIME)));
        return new Start(request.toURI(), state.getValue());
    }

    /** Exchanges the code of the callback for a validated ID token and reads the user from it. */
    User complete(String code, String state, Instant now) {
        Pending login = state == null ? null : pending.remove(state);
        if (login == null || !now.isBefore(login.expiresAt())) {
            throw new LoginFailed("unknown, used or expired sign-in state: start the sign-in again");
        }
        if (code == null || code.isBlank()) throw new LoginFailed("the provider sent no authorization code");
        Provider current = provider();
        JWT idToken = exchange(current, code, login);
        IDTokenClaimsSet claims;
        try {
            claims = current.validator().validate(idToken, login.nonce());
        } catch (com.nimbusds.jose.proc.BadJOSEException | com.nimbusds.jose.JOSEException e) {
            throw new LoginFailed("the provider's ID token was refused: " + e.getMessage());
        }
        return user(claims);
    }

    private JWT exchange(Provider current, String code, Pending login) {
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(code), login.redirectUri(),
                login.verifier());
        URI endpoint = current.metadata().getTokenEndpointURI();
        ClientID clientId = new ClientID(settings.clientId());
        TokenRequest request = settings.clientSecret() == null
                ? new TokenRequest.Builder(endpoint, clientId, grant).build()
                : new TokenRequest.Builder(endpoint, new ClientSecretBasic(clientId, new Secret(settings.clientSecret())), grant).build();
        try {
            HTTPRequest http = request.toHTTPRequest();
            http.setConnectTimeout(CONNECT_TIMEOUT_MS);
            http.setReadTimeout(READ_TIMEOUT_MS);
            TokenResponse response = OIDCTokenResponseParser.parse(http.send());
            if (!response.indicatesSuccess()) {
                TokenErrorResponse error = response.toErrorResponse();
                throw new LoginFailed("the provider refused the authorization code: "
                        + (error.getErrorObject() == null ? "no reason given" : error.getErrorObject().getCode()));
            }
            if (!(response.toSuccessResponse() instanceof OIDCTokenResponse tokens) || tokens.getOIDCTokens().getIDToken() == null) {
                throw new LoginFailed("the provider's token response holds no ID token");
            }
            return tokens.getOIDCTokens().getIDToken();
        } catch (com.nimbusds.oauth2.sdk.ParseException | java.io.IOException e) {
            throw new LoginFailed("cannot exchange the authorization code at " + endpoint + ": " + e.getMessage());
        }
    }

    private User user(IDTokenClaimsSet claims) {
        String id = claims.getStringClaim(settings.userClaim());
        if (id == null || !User.validId(id.strip())) {
            throw new LoginFailed("the ID token has no usable '" + settings.userClaim() + "' claim to name the user "
                    + "(choose another with --oidc-user-claim)");
        }
        List<String> groups = claims.getStringListClaim(settings.groupsClaim());
        boolean admin = groups != null && groups.stream().anyMatch(adminGroups::contains);
        return new User(id.strip(), claims.getStringClaim("name"), claims.getStringClaim("email"), admin, AuthMethod.OIDC);
    }

    private Provider provider() {
        Provider current = provider;
        if (current != null) return current;
        synchronized (this) {
            if (provider != null) return provider;
            try {
                Issuer issuer = new Issuer(settings.issuer());
                OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(issuer, CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS);
                var keys = JWKSourceBuilder.<SecurityContext>create(metadata.getJWKSetURI().toURL()).build();
                IDTokenValidator validator = new IDTokenValidator(metadata.getIssuer(), new ClientID(settings.clientId()),
                        new JWSVerificationKeySelector<>(ALGORITHMS, keys), null);
                provider = new Provider(metadata, validator);
                return provider;
            } catch (com.nimbusds.oauth2.sdk.GeneralException | java.io.IOException | RuntimeException e) {
                throw new LoginFailed("cannot read the OpenID provider's discovery document at " + settings.issuer()
                        + ": " + e.getMessage());
            }
        }
    }
}
