package org.ibvadvisor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import org.ibvadvisor.http.auth.AuthSettings;
import org.ibvadvisor.http.auth.Cidr;
import org.ibvadvisor.http.auth.TrustedProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Host allowlist (421), the Origin check (403) and the security headers on every kind of response. */
class HostOriginAndHeadersTest {
    private static TestServer server;
    private static String own;

    @BeforeAll
    static void start() {
        server = new TestServer(s -> s.withCorsOrigins(List.of("https://intranet.example")),
                AuthSettings.none().withPublicNames(List.of("advisor.example")), "127.0.0.1");
        own = "127.0.0.1:" + server.server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "a DNS-rebinding request to {0} is refused")
    @ValueSource(strings = {"/api/conversations", "/", "/index.html", "/api/no-such-route", "/v1/models", "/api/health"})
    void a_request_naming_a_foreign_host_gets_421_whatever_the_path(String path) throws IOException {
        RawHttp reply = RawHttp.request(server, "GET", path, "rebind.attacker.example:" + server.server.port());
        assertEquals(421, reply.status(), reply.body());
        assertError(reply);
        assertSecurityHeaders(reply);
        assertEquals(421, RawHttp.request(server, "POST", "/api/answer", "rebind.attacker.example").status());
        assertEquals(421, RawHttp.request(server, "DELETE", "/api/conversations/c1", "10.1.2.3:7070").status(),
                "an address the server is not bound to");
    }

    @ParameterizedTest(name = "Host {0} is the advisor''s own")
    @ValueSource(strings = {"127.0.0.1", "localhost", "LOCALHOST", "advisor.example", "app.localhost", "[::1]", "127.0.0.2"})
    void the_bound_address_localhost_and_the_public_names_are_answered(String host) {
        String withPort = host + ":" + server.server.port();
        assertEquals(200, RawHttp.request(server, "GET", "/api/conversations", withPort).status(), withPort);
        assertEquals(200, RawHttp.request(server, "GET", "/api/conversations", host).status(), host);
    }

    @Test
    void a_state_changing_request_from_another_origin_gets_403_and_changes_nothing() throws IOException {
        int before = server.conversations.list(100, 0).size();
        for (String origin : List.of("https://evil.example", "null", "http://127.0.0.1:1", "http://localhost:" + server.server.port())) {
            RawHttp reply = RawHttp.request(server, "POST", "/api/answer", own, "Origin: " + origin);
            assertEquals(403, reply.status(), origin + ": " + reply.body());
            assertError(reply);
            assertSecurityHeaders(reply);
        }
        assertEquals(403, RawHttp.request(server, "DELETE", "/api/conversations/x", own, "Origin: https://evil.example").status());
        assertEquals(403, RawHttp.request(server, "PATCH", "/api/conversations/x", own, "Origin: https://evil.example").status());
        assertEquals(before, server.conversations.list(100, 0).size());
    }

    @Test
    void the_advisors_own_origin_a_cors_origin_or_no_origin_may_change_state() {
        assertEquals(200, RawHttp.request(server, "POST", "/api/answer", own, "Origin: http://" + own).status());
        assertEquals(200, RawHttp.request(server, "POST", "/api/answer", "localhost:" + server.server.port(),
                "Origin: http://localhost:" + server.server.port()).status());
        assertEquals(200, RawHttp.request(server, "POST", "/api/answer", own, "Origin: https://intranet.example").status());
        assertEquals(200, RawHttp.request(server, "POST", "/api/answer", own).status(), "scripts send no Origin");
        assertEquals(200, RawHttp.request(server, "GET", "/api/conversations", own, "Origin: https://evil.example").status(),
                "reading is left to CORS, which gives the evil page no access to the answer");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET / HTTP/1.1", "GET /index.html HTTP/1.1", "GET /api/health HTTP/1.1",
            "GET /api/no-such-route HTTP/1.1", "PUT /api/answer HTTP/1.1", "GET /api/he%zzalth HTTP/1.1",
            "GET /api/reports/%00/text HTTP/1.1", "GET /no-such-file.js HTTP/1.1"})
    void every_response_carries_the_security_headers_jettys_own_errors_and_static_files_included(String requestLine) {
        RawHttp reply = RawHttp.send("127.0.0.1", server.server.port(),
                requestLine + "\r\nHost: " + own + "\r\nConnection: close\r\n\r\n");
        assertSecurityHeaders(reply);
        if (requestLine.contains("/api/")) assertEquals("no-store", reply.header("Cache-Control"), requestLine);
        assertNull(reply.header("Strict-Transport-Security"), "plain HTTP from no trusted proxy: no HSTS");
    }

    @Test
    void hsts_is_sent_when_a_trusted_proxy_says_the_browser_came_over_https() {
        try (TestServer proxied = new TestServer(s -> s, AuthSettings.none().withAdminApiKey("k-123456")
                .withProxy(TrustedProxy.at(List.of(Cidr.parse("127.0.0.1")))), "127.0.0.1")) {
            RawHttp https = RawHttp.request(proxied, "GET", "/", "127.0.0.1", "X-Forwarded-Proto: https");
            assertEquals("max-age=31536000", https.header("Strict-Transport-Security"));
            assertNull(RawHttp.request(proxied, "GET", "/", "127.0.0.1").header("Strict-Transport-Security"));
        }
    }

    static void assertError(RawHttp reply) throws IOException {
        assertTrue(reply.header("Content-Type").startsWith("application/json"), reply.headers().toString());
        JsonNode body = TestServer.MAPPER.readTree(reply.body());
        assertTrue(body.path("error").isTextual() && body.size() == 1, reply.body());
    }

    static void assertSecurityHeaders(RawHttp reply) {
        assertEquals("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'", reply.header("Content-Security-Policy"),
                reply.status() + " " + reply.headers());
        assertEquals("DENY", reply.header("X-Frame-Options"));
        assertEquals("nosniff", reply.header("X-Content-Type-Options"));
        assertEquals("no-referrer", reply.header("Referrer-Policy"));
    }
}
