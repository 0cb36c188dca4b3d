package org.ibvadvisor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ibvadvisor.http.auth.AuthSettings;
import org.ibvadvisor.http.auth.OidcSettings;
import org.ibvadvisor.testkit.oidc.IdTokenFault;
import org.ibvadvisor.testkit.oidc.StandInOidcProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * OpenID Connect sign-in against the stand-in provider (real discovery, JWKS, authorize and token endpoints over HTTP,
 * keys made in the test): the code flow with PKCE ends in an HttpOnly, SameSite=Lax session cookie; every kind of
 * bad ID token, a replayed state and a callback this browser did not start are refused.
 */
class OidcSignInTest {
    private static StandInOidcProvider idp;
    private static TestServer server;
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        idp = StandInOidcProvider.start("advisor", "client-s3cret");
        AuthSettings auth = AuthSettings.none().withAdminGroups(Set.of("advisor-admins"))
                .withOidc(OidcSettings.of(URI.create(idp.issuer()), "advisor", "client-s3cret"));
        server = new TestServer(s -> s, auth, "127.0.0.1");
    }

    @AfterAll
    static void stop() {
        server.close();
        idp.close();
    }

    @Test
    void the_code_flow_with_pkce_opens_a_session_that_api_me_names_and_logout_ends() {
        idp.signInAs(Map.of("sub", "u-1", "preferred_username", "ana", "email", "ana@example.com", "name", "Ana Lima",
                "groups", List.of("staff")));
        SignIn signIn = signIn();

        assertEquals(302, signIn.callback.statusCode(), signIn.callback.body());
        assertEquals("/", signIn.callback.headers().firstValue("Location").orElseThrow());
        String cookie = sessionCookie(signIn.callback);
        assertNotNull(cookie, signIn.callback.headers().map().toString());
        String setCookie = signIn.callback.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("advisor_session=")).findFirst().orElseThrow();
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax") && setCookie.contains("Path=/"), setCookie);
        assertFalse(setCookie.contains("Secure"), "plain HTTP: no Secure flag, or the browser would drop it");
        assertTrue(signIn.authorize.contains("code_challenge_method=S256") && signIn.authorize.contains("code_challenge="),
                signIn.authorize);
        Map<String, String> tokenRequest = idp.tokenRequests().getLast();
        assertNotNull(tokenRequest.get("code_verifier"), "the verifier goes to the token endpoint: " + tokenRequest);

        HttpResponse<String> me = get("/api/me", cookie);
        assertEquals(200, me.statusCode(), me.body());
        assertEquals("{\"user\":\"ana\",\"name\":\"Ana Lima\",\"email\":\"ana@example.com\",\"admin\":false,\"auth\":\"oidc\"}", me.body());

        HttpResponse<String> logout = send(HttpRequest.newBuilder(server.uri("/auth/logout")).header("Cookie", cookie)
                .header("Origin", "http://127.0.0.1:" + server.server.port()).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, logout.statusCode(), logout.body());
        assertTrue(logout.headers().allValues("Set-Cookie").stream().anyMatch(value -> value.startsWith("advisor_session=;")
                && value.contains("Max-Age=0")));
        assertEquals(401, get("/api/me", cookie).statusCode(), "the session is gone on the server too");
    }

    @Test
    void a_member_of_an_admin_group_is_an_admin() {
        idp.signInAs(Map.of("sub", "u-2", "preferred_username", "root", "groups", List.of("advisor-admins")));
        String cookie = sessionCookie(signIn().callback);
        assertTrue(get("/api/me", cookie).body().contains("\"admin\":true"));
    }

    @ParameterizedTest(name = "an ID token with fault {0} is refused")
    @EnumSource(value = IdTokenFault.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void a_bad_id_token_is_refused_and_opens_no_session(IdTokenFault fault) {
        idp.signInAs(Map.of("sub", "u-3", "preferred_username", "mallory"));
        if (fault == IdTokenFault.REPLAY_PREVIOUS) signIn(); // a sign-in whose token will be replayed
        idp.nextToken(fault);
        SignIn signIn = signIn();
        assertEquals(401, signIn.callback.statusCode(), fault + ": " + signIn.callback.body());
        assertTrue(signIn.callback.body().startsWith("{\"error\":\"sign-in refused: "), signIn.callback.body());
        assertNull(sessionCookie(signIn.callback), fault + " must open no session");
    }

    @Test
    void a_replayed_state_and_a_callback_this_browser_did_not_start_are_refused() {
        idp.signInAs(Map.of("sub", "u-4", "preferred_username", "ana"));
        SignIn first = signIn();
        assertEquals(302, first.callback.statusCode());
        HttpResponse<String> replay = get(first.callbackUri, first.loginCookie);
        assertEquals(401, replay.statusCode(), "the same state twice: " + replay.body());

        HttpResponse<String> login = get("/auth/login", null);
        String authorize = login.headers().firstValue("Location").orElseThrow();
        String callback = send(HttpRequest.newBuilder(URI.create(authorize)).GET()).headers().firstValue("Location").orElseThrow();
        HttpResponse<String> noCookie = get(callback, null);
        assertEquals(401, noCookie.statusCode(), "a callback without this browser's login cookie (login CSRF)");
        assertNull(sessionCookie(noCookie));
        assertEquals(401, get(server.uri("/auth/callback?code=x&state=forged").toString(), "advisor_login=forged").statusCode());
    }

    @Test
    void without_a_session_the_api_asks_for_a_sign_in_and_the_options_offer_oidc() {
        assertEquals(401, get("/api/conversations", null).statusCode());
        assertEquals(401, get("/api/me", "advisor_session=made-up").statusCode());
        assertEquals("{\"required\":true,\"oidc\":true,\"keys\":false}", get("/auth/options", null).body());
    }

    private record SignIn(String authorize, String callbackUri, String loginCookie, HttpResponse<String> callback) {
    }

    /** What a browser does: /auth/login → the provider's /authorize → back to /auth/callback with the login cookie. */
    private SignIn signIn() {
        HttpResponse<String> login = get("/auth/login", null);
        assertEquals(302, login.statusCode(), login.body());
        String authorize = login.headers().firstValue("Location").orElseThrow();
        String loginCookie = login.headers().allValues("Set-Cookie").stream().filter(v -> v.startsWith("advisor_login="))
                .map(v -> v.substring(0, v.indexOf(';'))).findFirst().orElseThrow();
        HttpResponse<String> atProvider = send(HttpRequest.newBuilder(URI.create(authorize)).GET());
        assertEquals(302, atProvider.statusCode(), atProvider.body());
        String callbackUri = atProvider.headers().firstValue("Location").orElseThrow();
        assertTrue(callbackUri.startsWith(server.uri("/auth/callback").toString()), callbackUri);
        return new SignIn(authorize, callbackUri, loginCookie, get(callbackUri, loginCookie));
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("advisor_session=") && !value.startsWith("advisor_session=;"))
                .map(value -> value.substring(0, value.indexOf(';'))).findFirst().orElse(null);
    }

    private HttpResponse<String> get(String pathOrUri, String cookie) {
        URI uri = pathOrUri.startsWith("http") ? URI.create(pathOrUri) : server.uri(pathOrUri);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (cookie != null) request.header("Cookie", cookie);
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return browser.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
