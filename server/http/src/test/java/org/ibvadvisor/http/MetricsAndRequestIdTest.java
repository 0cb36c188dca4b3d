package org.ibvadvisor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ibvadvisor.http.auth.AuthSettings;
import org.ibvadvisor.http.auth.Cidr;
import org.ibvadvisor.http.auth.TrustedProxy;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics} (Prometheus text from Micrometer) and the {@code X-Request-Id} of every response. */
class MetricsAndRequestIdTest {
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Test
    void metrics_count_requests_by_declared_route_and_status_with_a_histogram_and_the_jvm() {
        try (TestServer server = new TestServer()) {
            for (int i = 0; i < 3; i++) assertEquals(200, server.postJson("/api/retrieve", "{\"query\":\"计算成本\"}").status());
            assertEquals(404, server.get("/api/conversations/no-such-one").status());
            assertEquals(404, server.get("/no/such/page-" + System.nanoTime()).status());
            TestServer.Reply metrics = server.get("/metrics");
            assertEquals(200, metrics.status());
            assertTrue(metrics.header("Content-Type").startsWith("text/plain"), metrics.header("Content-Type"));
            String text = metrics.body();
            assertEquals(3, count(text, "POST", "/api/retrieve", "200"), text);
            assertEquals(1, count(text, "GET", "/api/conversations/{id}", "404"), "the route as declared, not the id");
            assertFalse(text.contains("no-such-one") || text.contains("/no/such/page"), "a raw path never becomes a label");
            assertTrue(text.contains("http_server_requests_seconds_bucket{"), "latency histogram buckets");
            assertTrue(text.contains("jvm_memory_used_bytes"), "JVM memory");
            assertTrue(text.contains("process_uptime_seconds"), "process uptime");
        }
    }

    @Test
    void metrics_are_for_admins_when_sign_in_is_on() {
        MemoryApiKeys keys = new MemoryApiKeys().with("ana-key", "ana", false).with("root-key", "root", true);
        try (TestServer server = new TestServer(s -> s, AuthSettings.none().withKeys(keys), "127.0.0.1")) {
            assertEquals(401, server.get("/metrics").status());
            TestServer.Reply user = bearer(server, "/metrics", "ana-key");
            assertEquals(403, user.status());
            assertTrue(user.json().path("error").asText().contains("admins"), user.body());
            TestServer.Reply admin = bearer(server, "/metrics", "root-key");
            assertEquals(200, admin.status());
            assertTrue(admin.body().contains("http_server_requests_seconds_count{"), "the refused calls were counted too");
        }
    }

    @Test
    void every_response_carries_a_new_request_id_and_one_a_client_sends_is_not_believed() {
        try (TestServer server = new TestServer()) {
            String first = server.get("/api/health").header("X-Request-Id");
            String second = server.postJson("/api/retrieve", "").header("X-Request-Id");
            assertNotNull(first);
            assertTrue(UUID.matcher(first).matches(), first);
            assertNotEquals(first, second);
            assertNotNull(server.get("/no-such-page").header("X-Request-Id"), "on a 404 too");
            String sent = server.send(HttpRequest.newBuilder(server.uri("/api/health")).header("X-Request-Id", "chosen-by-client"))
                    .header("X-Request-Id");
            assertNotEquals("chosen-by-client", sent, "not from a trusted proxy");
        }
    }

    @Test
    void a_trusted_proxys_request_id_is_kept_when_it_is_a_plain_token() {
        AuthSettings auth = AuthSettings.none().withProxy(TrustedProxy.at(List.of(Cidr.parse("127.0.0.1"))));
        try (TestServer server = new TestServer(s -> s, auth, "127.0.0.1")) {
            String kept = server.send(HttpRequest.newBuilder(server.uri("/api/health"))
                    .header("X-Request-Id", "7f3a9c0e1d2b4a5f")).header("X-Request-Id");
            assertEquals("7f3a9c0e1d2b4a5f", kept);
            String hostile = server.send(HttpRequest.newBuilder(server.uri("/api/health"))
                    .header("X-Request-Id", "<script>alert(1)</script>")).header("X-Request-Id");
            assertTrue(UUID.matcher(hostile).matches(), "a value that is no plain token is replaced: " + hostile);
        }
    }

    private static TestServer.Reply bearer(TestServer server, String path, String key) {
        return server.send(HttpRequest.newBuilder(server.uri(path)).header("Authorization", "Bearer " + key).GET());
    }

    /** The count of {@code http_server_requests_seconds} for one method, route and status (0 when absent). */
    private static long count(String text, String method, String route, String status) {
        Matcher m = Pattern.compile("(?m)^http_server_requests_seconds_count\\{(.*)\\} ([0-9.eE+]+)$").matcher(text);
        while (m.find()) {
            String labels = m.group(1);
            if (labels.contains("method=\"" + method + "\"") && labels.contains("route=\"" + route + "\"")
                    && labels.contains("status=\"" + status + "\"")) {
                return (long) Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }
}
