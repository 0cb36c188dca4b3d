package org.ibvadvisor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import org.ibvadvisor.http.auth.AuthSettings;
import org.ibvadvisor.http.auth.Cidr;
import org.ibvadvisor.http.auth.TrustedProxy;
import org.junit.jupiter.api.Test;

/** The rate limit by user or real client address, what a question costs, the security events and the access log. */
class RateLimitAndSecurityLogTest {
    private static final MemoryApiKeys KEYS = new MemoryApiKeys().with("ana-key", "ana", false).with("bo-key", "bo", false)
            .with("cy-key", "cy", false);

    private static TestServer.Reply as(TestServer server, String key, String path) {
        return server.send(HttpRequest.newBuilder(server.uri(path)).header("Authorization", "Bearer " + key).GET());
    }

    @Test
    void a_question_costs_more_than_a_health_check() {
        try (TestServer server = new TestServer(s -> s.withRateLimit(new RateLimit(ApiAccess.QUESTION_COST + 1,
                Duration.ofMinutes(1))))) {
            assertEquals(200, server.postJson("/api/answer", "{\"question\":\"生成式 AI 的投资回报？\"}").status());
            assertEquals(200, server.get("/api/health").status());
            assertEquals(429, server.get("/api/health").status(), "the question took " + ApiAccess.QUESTION_COST);
        }
    }

    @Test
    void a_limit_smaller_than_a_questions_cost_still_admits_a_question() {
        try (TestServer server = new TestServer(s -> s.withRateLimit(new RateLimit(2, Duration.ofMinutes(1))))) {
            assertEquals(200, server.postJson("/api/answer", "{\"question\":\"生成式 AI 的投资回报？\"}").status());
            assertEquals(429, server.postJson("/api/answer", "{\"question\":\"生成式 AI 的投资回报？\"}").status());
        }
    }

    @Test
    void each_signed_in_user_has_an_allowance_of_their_own_and_wrong_keys_spend_the_addresss() {
        try (TestServer server = new TestServer(s -> s.withRateLimit(new RateLimit(2, Duration.ofMinutes(1))),
                AuthSettings.none().withKeys(KEYS), "127.0.0.1")) {
            assertEquals(200, as(server, "ana-key", "/api/reports").status());
            assertEquals(200, as(server, "ana-key", "/api/reports").status());
            TestServer.Reply limited = as(server, "ana-key", "/api/reports");
            assertEquals(429, limited.status());
            assertTrue(limited.isJsonError() && limited.header("Retry-After") != null, limited.body());
            assertEquals(200, as(server, "bo-key", "/api/reports").status(), "bo, from the same address, is not ana");

            assertEquals(401, as(server, "guess-1", "/api/reports").status());
            assertEquals(401, as(server, "guess-2", "/api/reports").status());
            assertEquals(429, as(server, "guess-3", "/api/reports").status(), "guessing is limited by address");
            assertEquals(200, as(server, "cy-key", "/api/reports").status(), "which does not lock the users out");
        }
    }

    @Test
    void behind_a_trusted_proxy_anonymous_callers_are_limited_by_their_own_address_not_the_proxys() {
        AuthSettings auth = AuthSettings.none().withProxy(TrustedProxy.at(List.of(Cidr.parse("127.0.0.1/32"))));
        try (TestServer server = new TestServer(s -> s.withRateLimit(new RateLimit(1, Duration.ofMinutes(1))), auth,
                "127.0.0.1")) {
            String host = "127.0.0.1:" + server.server.port();
            assertEquals(200, RawHttp.request(server, "GET", "/api/health", host, "X-Forwarded-For: 10.0.0.1").status());
            assertEquals(429, RawHttp.request(server, "GET", "/api/health", host, "X-Forwarded-For: 10.0.0.1").status());
            assertEquals(200, RawHttp.request(server, "GET", "/api/health", host, "X-Forwarded-For: 10.0.0.2").status());
        }
    }

    @Test
    void refusals_and_sign_ins_are_security_events_with_user_address_and_route_never_the_key_or_question()
            throws Exception {
        try (TestServer server = new TestServer(s -> s.withRateLimit(new RateLimit(ApiAccess.QUESTION_COST, Duration.ofMinutes(1))),
                AuthSettings.none().withKeys(KEYS), "127.0.0.1")) {
            List<String> lines = CapturedLog.during(() -> {
                assertEquals(401, as(server, "wrong-s3cret", "/api/conversations").status());
                assertEquals(200, as(server, "ana-key", "/api/reports").status());
                assertEquals(200, as(server, "ana-key", "/api/reports").status());
                assertEquals(429, server.send(HttpRequest.newBuilder(server.uri("/api/answer"))
                        .header("Authorization", "Bearer ana-key").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"机密的并购计划\"}"))).status());
                assertEquals(403, server.send(HttpRequest.newBuilder(server.uri("/api/conversations/x"))
                        .header("Authorization", "Bearer bo-key").header("Origin", "https://evil.example").DELETE()).status());
            });
            List<String> security = lines.stream().filter(line -> line.contains("org.ibvadvisor.security")).toList();
            assertTrue(security.stream().anyMatch(line -> line.contains("refused 401") && line.contains("user=-")
                    && line.contains("address=127.0.0.1") && line.contains("route=GET /api/conversations")), security.toString());
            assertEquals(1, security.stream().filter(line -> line.contains("signed in: user=ana auth=key")).count(),
                    "a key's sign-in once per address, not per request: " + security);
            assertTrue(security.stream().anyMatch(line -> line.contains("refused 429") && line.contains("user=ana")
                    && line.contains("route=POST /api/answer")), security.toString());
            assertTrue(security.stream().anyMatch(line -> line.contains("refused 403")
                    && line.contains("route=DELETE /api/conversations/x")), security.toString());
            String all = String.join("\n", lines);
            assertFalse(all.contains("wrong-s3cret") || all.contains("ana-key") || all.contains("bo-key"), all);
            assertFalse(all.contains("机密的并购计划"), "never the question");
            assertFalse(all.contains("org.ibvadvisor.access"), "the access log is off by default");
        }
    }

    @Test
    void the_access_log_when_on_has_a_line_per_request_without_query_strings_or_credentials() throws Exception {
        try (TestServer server = new TestServer(s -> s.withAccessLog(true), AuthSettings.none().withKeys(KEYS), "127.0.0.1")) {
            List<String> lines = CapturedLog.during(() -> {
                assertEquals(200, as(server, "ana-key", "/api/conversations?limit=3&secret=shh").status());
                assertEquals(401, server.get("/api/conversations").status());
                assertEquals(200, server.get("/").status());
            });
            List<String> access = lines.stream().filter(line -> line.contains("org.ibvadvisor.access")).toList();
            assertEquals(3, access.size(), access.toString());
            assertTrue(access.get(0).matches(".*GET /api/conversations 200 [0-9.]+ms user=ana request=[0-9a-f-]{36} address=127\\.0\\.0\\.1$"), access.get(0));
            assertTrue(access.get(1).contains("GET /api/conversations 401") && access.get(1).contains("user=-"), access.get(1));
            assertFalse(String.join("\n", lines).contains("shh") || String.join("\n", lines).contains("ana-key"));
        }
    }
}
