package org.ibvadvisor.testkit.oidc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in OpenID Connect provider speaking the real protocol over HTTP on 127.0.0.1: the discovery document
 * ({@code /.well-known/openid-configuration}), the JWKS ({@code /jwks}), the authorization endpoint
 * ({@code /authorize}: signs in whoever {@link #signInAs} named, without a form, and redirects back with a code) and
 * the token endpoint ({@code /token}: checks the code, the redirect URI, the PKCE verifier (S256 only) and the client's
 * secret, and answers an RS256 ID token). The RSA keys are made when it starts. {@link #nextToken} makes the next ID
 * token wrong in one way (expired, wrong audience or issuer, bad signature, {@code alg:none}, wrong nonce, a replay).
 *
 * <pre>{@code
 * try (StandInOidcProvider idp = StandInOidcProvider.start("advisor", "s3cret")) {
 *     idp.signInAs(Map.of("sub", "1", "preferred_username", "ana", "email", "ana@example.com"));
 *     // point the client at idp.issuer()
 * }
 * }</pre>
 */
public final class StandInOidcProvider implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);

    private final HttpServer server;
    private final ExecutorService executor;
    private final String clientId;
    private final String clientSecret;
    private final RSAKey signingKey;
    private final RSAKey strangerKey;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
    private volatile Map<String, Object> user = Map.of("sub", "user-1", "preferred_username", "ana");
    private volatile IdTokenFault fault = IdTokenFault.NONE;
    private volatile String previousIdToken;

    private record Grant(String redirectUri, String challenge, String nonce, Map<String, Object> claims) {
    }

    private StandInOidcProvider(String clientId, String clientSecret) throws IOException, JOSEException {
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clientSecret = clientSecret;
        this.signingKey = new RSAKeyGenerator(2048).keyID("stand-in-1").generate();
        this.strangerKey = new RSAKeyGenerator(2048).keyID("stand-in-1").generate();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "stand-in-oidc");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/.well-known/openid-configuration", exchange -> handle(exchange, this::discovery));
        server.createContext("/jwks", exchange -> handle(exchange, this::jwks));
        server.createContext("/authorize", exchange -> handle(exchange, this::authorize));
        server.createContext("/token", exchange -> handle(exchange, this::token));
        server.start();
    }

    /**
     * Starts the provider for one client.
     *
     * @param clientSecret the client's secret (HTTP Basic or {@code client_secret_post} at the token endpoint), or
     *                     {@code null} for a public client (PKCE alone)
     */
    public static StandInOidcProvider start(String clientId, String clientSecret) {
        try {
            return new StandInOidcProvider(clientId, clientSecret);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code http://127.0.0.1:port}: the issuer, and the base of every endpoint. */
    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The claims of whoever the next sign-ins are for (besides {@code iss}, {@code aud}, dates and the nonce). */
    public StandInOidcProvider signInAs(Map<String, Object> claims) {
        this.user = Map.copyOf(claims);
        return this;
    }

    /** Makes the next ID token wrong in one way ({@link IdTokenFault#NONE} again after it). */
    public StandInOidcProvider nextToken(IdTokenFault fault) {
        this.fault = Objects.requireNonNull(fault, "fault");
        return this;
    }

    /** The form fields of every token request, oldest first. */
    public List<Map<String, String>> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private interface Endpoint {
        Reply answer(HttpExchange exchange) throws Exception;
    }

    private record Reply(int status, String contentType, String body, Map<String, String> headers) {
        static Reply json(int status, Object body) {
            try {
                return new Reply(status, "application/json", JSON.writeValueAsString(body), Map.of());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static Reply redirect(String location) {
            return new Reply(302, "text/plain", "", Map.of("Location", location));
        }
    }

    private static void handle(HttpExchange exchange, Endpoint endpoint) throws IOException {
        Reply reply;
        try {
            reply = endpoint.answer(exchange);
        } catch (Exception e) {
            reply = Reply.json(500, Map.of("error", "server_error", "error_description", String.valueOf(e)));
        }
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        reply.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) exchange.getResponseBody().write(body);
        exchange.close();
    }

    private Reply discovery(HttpExchange exchange) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer());
        document.put("authorization_endpoint", issuer() + "/authorize");
        document.put("token_endpoint", issuer() + "/token");
        document.put("jwks_uri", issuer() + "/jwks");
        document.put("response_types_supported", List.of("code"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("code_challenge_methods_supported", List.of("S256"));
        document.put("scopes_supported", List.of("openid", "profile", "email"));
        document.put("token_endpoint_auth_methods_supported",
                clientSecret == null ? List.of("none") : List.of("client_secret_basic", "client_secret_post"));
        return Reply.json(200, document);
    }

    private Reply jwks(HttpExchange exchange) {
        return new Reply(200, "application/json", new JWKSet(signingKey.toPublicJWK()).toString(), Map.of());
    }

    private Reply authorize(HttpExchange exchange) {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        String redirectUri = query.get("redirect_uri");
        if (!"code".equals(query.get("response_type")) || !clientId.equals(query.get("client_id")) || redirectUri == null) {
            return Reply.json(400, Map.of("error", "invalid_request"));
        }
        if (!"S256".equals(query.get("code_challenge_method")) || query.get("code_challenge") == null) {
            return Reply.json(400, Map.of("error", "invalid_request", "error_description", "PKCE with S256 is required"));
        }
        if (!String.valueOf(query.get("scope")).contains("openid")) return Reply.json(400, Map.of("error", "invalid_scope"));
        String code = randomText();
        codes.put(code, new Grant(redirectUri, query.get("code_challenge"), query.get("nonce"), user));
        String state = query.get("state");
        return Reply.redirect(redirectUri + (redirectUri.contains("?") ? "&" : "?") + "code=" + encode(code)
                + (state == null ? "" : "&state=" + encode(state)));
    }

    private Reply token(HttpExchange exchange) throws Exception {
        if (!exchange.getRequestMethod().equals("POST")) return Reply.json(405, Map.of("error", "invalid_request"));
        Map<String, String> fields = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        tokenRequests.add(Map.copyOf(fields));
        if (!authenticated(exchange, fields)) return Reply.json(401, Map.of("error", "invalid_client"));
        if (!"authorization_code".equals(fields.get("grant_type"))) return Reply.json(400, Map.of("error", "unsupported_grant_type"));
        Grant grant = fields.get("code") == null ? null : codes.remove(fields.get("code"));
        if (grant == null || !grant.redirectUri().equals(fields.get("redirect_uri"))) {
            return Reply.json(400, Map.of("error", "invalid_grant"));
        }
        String verifier = fields.get("code_verifier");
        if (verifier == null || !s256(verifier).equals(grant.challenge())) {
            return Reply.json(400, Map.of("error", "invalid_grant", "error_description", "PKCE verification failed"));
        }
        String idToken = idToken(grant);
        return Reply.json(200, Map.of("access_token", randomText(), "token_type", "Bearer", "expires_in", 300,
                "id_token", idToken));
    }

    private boolean authenticated(HttpExchange exchange, Map<String, String> fields) {
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (clientSecret == null) return clientId.equals(fields.get("client_id")) && basic == null;
        if (basic != null && basic.startsWith("Basic ")) {
            String[] pair = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8).split(":", 2);
            return pair.length == 2 && clientId.equals(decode(pair[0])) && clientSecret.equals(decode(pair[1]));
        }
        return clientId.equals(fields.get("client_id")) && clientSecret.equals(fields.get("client_secret"));
    }

    private String idToken(Grant grant) throws JOSEException {
        IdTokenFault now = fault;
        fault = IdTokenFault.NONE;
        if (now == IdTokenFault.REPLAY_PREVIOUS && previousIdToken != null) return previousIdToken;
        Instant issuedAt = Instant.now();
        Instant expiresAt = issuedAt.plus(TOKEN_LIFETIME);
        if (now == IdTokenFault.EXPIRED) {
            issuedAt = issuedAt.minus(Duration.ofHours(2));
            expiresAt = Instant.now().minus(Duration.ofHours(1));
        }
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
        grant.claims().forEach(claims::claim);
        claims.issuer(now == IdTokenFault.WRONG_ISSUER ? "http://127.0.0.1:1/elsewhere" : issuer())
                .audience(now == IdTokenFault.WRONG_AUDIENCE ? "another-client" : clientId)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt));
        if (grant.nonce() != null) claims.claim("nonce", now == IdTokenFault.WRONG_NONCE ? randomText() : grant.nonce());
        JWTClaimsSet set = claims.build();
        String token;
        if (now == IdTokenFault.ALG_NONE) {
            token = new PlainJWT(set).serialize();
        } else {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), set);
            jwt.sign(new RSASSASigner(now == IdTokenFault.BAD_SIGNATURE ? strangerKey : signingKey));
            token = jwt.serialize();
        }
        if (now == IdTokenFault.NONE) previousIdToken = token;
        return token;
    }

    private String randomText() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String s256(String verifier) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) return fields;
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            if (equals < 0) fields.put(decode(pair), "");
            else fields.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
        }
        return fields;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    /** The authorization endpoint's address (for tests that call it themselves). */
    public URI authorizationEndpoint() {
        return URI.create(issuer() + "/authorize");
    }
}
