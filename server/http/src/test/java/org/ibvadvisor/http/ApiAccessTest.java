package org.ibvadvisor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import org.ibvadvisor.http.auth.AuthSettings;
import org.junit.jupiter.api.Test;

/** Rate limiting, the shared API key and CORS, each switched on by settings. */
class ApiAccessTest {

    @Test
    void a_client_over_its_rate_limit_gets_429_with_retry_after_until_the_bucket_refills() {
        try (TestServer server = new TestServer(s -> s.withRateLimit(new RateLimit(3, Duration.ofMinutes(1))))) {
            for (int i = 0; i < 3; i++) assertEquals(200, server.get("/api/health").status());
            TestServer.Reply limited = server.get("/api/reports");
            assertEquals(429, limited.status());
            assertTrue(limited.isJsonError(), limited.body());
            int retryAfter = Integer.parseInt(limited.header("Retry-After"));
            assertTrue(retryAfter >= 1 && retryAfter <= 20, "one token comes back every 20 s: " + retryAfter);
            assertEquals(429, server.postJson("/v1/chat/completions", "{}").status(), "/v1 shares the limit");
            assertEquals(200, server.get("/").status(), "the page itself is not limited");
        }
    }

    @Test
    void rate_limited_tokens_come_back_over_time() throws InterruptedException {
        try (TestServer server = new TestServer(s -> s.withRateLimit(new RateLimit(2, Duration.ofMillis(400))))) {
            assertEquals(200, server.get("/api/health").status());
            assertEquals(200, server.get("/api/health").status());
            assertEquals(429, server.get("/api/health").status());
            Thread.sleep(600);
            assertEquals(200, server.get("/api/health").status());
        }
    }

    @Test
    void with_an_api_key_the_api_needs_the_bearer_token() {
        try (TestServer server = new TestServer(s -> s, AuthSettings.none().withAdminApiKey("s3cret-key"), "127.0.0.1")) {
            TestServer.Reply missing = server.get("/api/reports");
            assertEquals(401, missing.status());
            assertTrue(missing.isJsonError(), missing.body());
            assertEquals("Bearer", missing.header("WWW-Authenticate"));

            TestServer.Reply wrong = server.send(HttpRequest.newBuilder(server.uri("/api/reports"))
                    .header("Authorization", "Bearer s3cret-kez").GET());
            assertEquals(401, wrong.status());
            TestServer.Reply basic = server.send(HttpRequest.newBuilder(server.uri("/v1/models"))
                    .header("Authorization", "Basic czNjcmV0LWtleQ==").GET());
            assertEquals(401, basic.status());

            TestServer.Reply right = server.send(HttpRequest.newBuilder(server.uri("/api/reports"))
                    .header("Authorization", "Bearer s3cret-key").GET());
            assertEquals(200, right.status());
            TestServer.Reply models = server.send(HttpRequest.newBuilder(server.uri("/v1/models"))
                    .header("Authorization", "bearer s3cret-key").GET());
            assertEquals(200, models.status());
            assertEquals(401, server.postJson("/api/retrieve", "{\"query\":\"x\"}").status(), "checked before the body");
            assertEquals(200, server.get("/").status(), "the page loads without the key");
        }
    }

    @Test
    void without_an_api_key_setting_no_token_is_needed() {
        try (TestServer server = new TestServer()) {
            assertEquals(200, server.get("/api/health").status());
        }
    }

    @Test
    void cors_headers_are_sent_only_to_configured_origins() {
        try (TestServer server = new TestServer(s -> s.withCorsOrigins(List.of("https://intranet.example")))) {
            TestServer.Reply allowed = server.send(HttpRequest.newBuilder(server.uri("/api/health"))
                    .header("Origin", "https://intranet.example").GET());
            assertEquals(200, allowed.status());
            assertEquals("https://intranet.example", allowed.header("Access-Control-Allow-Origin"));

            TestServer.Reply other = server.send(HttpRequest.newBuilder(server.uri("/api/health"))
                    .header("Origin", "https://evil.example").GET());
            assertNull(other.header("Access-Control-Allow-Origin"));

            TestServer.Reply preflight = server.send(HttpRequest.newBuilder(server.uri("/api/retrieve"))
                    .header("Origin", "https://intranet.example")
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "content-type, authorization")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
            assertTrue(preflight.status() < 300, "preflight " + preflight.status() + " " + preflight.body());
            assertEquals("https://intranet.example", preflight.header("Access-Control-Allow-Origin"));
            String allowedHeaders = preflight.header("Access-Control-Allow-Headers");
            assertTrue(allowedHeaders != null && allowedHeaders.toLowerCase().contains("authorization"), allowedHeaders);
        }
    }

    @Test
    void cors_is_off_unless_configured() {
        try (TestServer server = new TestServer()) {
            TestServer.Reply reply = server.send(HttpRequest.newBuilder(server.uri("/api/health"))
                    .header("Origin", "https://intranet.example").GET());
            assertNull(reply.header("Access-Control-Allow-Origin"));
            TestServer.Reply preflight = server.send(HttpRequest.newBuilder(server.uri("/api/retrieve"))
                    .header("Origin", "https://intranet.example")
                    .header("Access-Control-Request-Method", "POST")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
            assertNull(preflight.header("Access-Control-Allow-Origin"));
            assertTrue(preflight.isJsonError(), preflight.body());
        }
    }
}
