package org.ibvadvisor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.ibvadvisor.http.auth.AuthSettings;
import org.ibvadvisor.http.auth.OidcSettings;
import org.ibvadvisor.testkit.oidc.StandInOidcProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The isolation suite with ana and bo each signed in through the stand-in OpenID Connect provider (session cookies). */
class OidcIsolationTest extends ConversationIsolationContract {
    private static StandInOidcProvider idp;
    private static TestServer server;
    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static String anaCookie;
    private static String boCookie;

    @BeforeAll
    static void start() {
        idp = StandInOidcProvider.start("advisor", "client-s3cret");
        server = new TestServer(s -> s, AuthSettings.none()
                .withOidc(OidcSettings.of(URI.create(idp.issuer()), "advisor", "client-s3cret")), "127.0.0.1");
        anaCookie = signIn(Map.of("sub", "u-ana", "preferred_username", "ana"));
        boCookie = signIn(Map.of("sub", "u-bo", "preferred_username", "bo"));
    }

    @AfterAll
    static void stop() {
        server.close();
        idp.close();
    }

    /** What a browser does: /auth/login → the provider → /auth/callback with the login cookie; the session cookie. */
    static String signIn(Map<String, Object> claims) {
        idp.signInAs(claims);
        String base = "http://127.0.0.1:" + server.server.port();
        HttpResponse<String> login = send(BROWSER, request(base, "GET", "/auth/login", null));
        String loginCookie = cookie(login, "advisor_login");
        HttpResponse<String> atProvider = send(BROWSER, HttpRequest.newBuilder(
                URI.create(login.headers().firstValue("Location").orElseThrow())).timeout(Duration.ofSeconds(20)));
        HttpResponse<String> callback = send(BROWSER, HttpRequest.newBuilder(
                        URI.create(atProvider.headers().firstValue("Location").orElseThrow()))
                .header("Cookie", loginCookie).timeout(Duration.ofSeconds(20)));
        assertEquals(302, callback.statusCode(), callback.body());
        return cookie(callback, "advisor_session");
    }

    private static String cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith(name + "="))
                .map(value -> value.substring(0, value.indexOf(';'))).findFirst().orElseThrow();
    }

    private static Client withCookie(String cookie) {
        String base = "http://127.0.0.1:" + server.server.port();
        return (method, path, body) -> send(BROWSER, request(base, method, path, body).header("Cookie", cookie));
    }

    @Override
    Client ana() {
        return withCookie(anaCookie);
    }

    @Override
    Client bo() {
        return withCookie(boCookie);
    }
}
