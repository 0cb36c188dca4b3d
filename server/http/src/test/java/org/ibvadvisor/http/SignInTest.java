package org.ibvadvisor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Set;
import org.ibvadvisor.http.auth.AuthSettings;
import org.ibvadvisor.http.auth.Cidr;
import org.ibvadvisor.http.auth.TrustedProxy;
import org.junit.jupiter.api.Test;

/** Who is calling, through each way in but OIDC (OidcSignInTest) and the real proxy (ProxySignInTest). */
class SignInTest {

    @Test
    void with_nothing_configured_on_loopback_everyone_is_the_local_admin() {
        try (TestServer server = new TestServer()) {
            JsonNode me = server.get("/api/me").json();
            assertEquals("{\"user\":\"local\",\"admin\":true,\"auth\":\"local\"}", me.toString());
            assertTrue(server.get("/api/health").json().has("chunks"), "the local admin sees the details");
            TestServer.Reply spoofed = server.send(HttpRequest.newBuilder(server.uri("/api/me"))
                    .header("X-Forwarded-User", "mallory").header("Authorization", "Bearer whatever").GET());
            assertEquals("local", spoofed.json().path("user").asText(), "nothing configured: headers change nothing");
            assertFalse(server.get("/auth/options").json().path("required").asBoolean());
        }
    }

    @Test
    void the_shared_admin_key_is_the_local_user_and_nothing_else_gets_in() {
        try (TestServer server = new TestServer(s -> s, AuthSettings.none().withAdminApiKey("s3cret-admin"), "127.0.0.1")) {
            TestServer.Reply anonymous = server.get("/api/conversations");
            assertEquals(401, anonymous.status());
            assertTrue(anonymous.isJsonError(), anonymous.body());
            assertEquals("Bearer", anonymous.header("WWW-Authenticate"));
            assertEquals(401, bearer(server, "/api/me", "s3cret-admiN").status(), "keys are case-sensitive");
            assertEquals(401, server.send(HttpRequest.newBuilder(server.uri("/v1/models"))
                    .header("Authorization", "Basic czNjcmV0").GET()).status());
            assertEquals(401, server.postJson("/api/answer", "{\"question\":\"x\"}").status(), "checked before the body");

            JsonNode me = bearer(server, "/api/me", "s3cret-admin").json();
            assertEquals("{\"user\":\"local\",\"admin\":true,\"auth\":\"key\"}", me.toString());
            assertEquals(200, bearer(server, "/v1/models", "s3cret-admin").status());
            assertTrue(bearer(server, "/api/health", "s3cret-admin").json().has("chunks"));
            assertEquals(200, server.get("/").status(), "the page loads, to offer a sign-in");
        }
    }

    @Test
    void anonymous_health_says_only_ok_and_a_user_who_is_no_admin_the_same() {
        MemoryApiKeys keys = new MemoryApiKeys().with("ana-key", "ana", false).with("root-key", "root", true);
        try (TestServer server = new TestServer(s -> s, AuthSettings.none().withKeys(keys), "127.0.0.1")) {
            TestServer.Reply anonymous = server.get("/api/health");
            assertEquals(200, anonymous.status());
            assertEquals("{\"status\":\"ok\"}", anonymous.body());
            assertEquals("{\"status\":\"ok\"}", bearer(server, "/api/health", "ana-key").body());
            assertTrue(bearer(server, "/api/health", "root-key").json().has("model"));
        }
    }

    @Test
    void per_person_keys_name_their_user_and_a_wrong_one_is_refused() {
        MemoryApiKeys keys = new MemoryApiKeys().with("ana-key", "ana", false);
        try (TestServer server = new TestServer(s -> s, AuthSettings.none().withKeys(keys), "127.0.0.1")) {
            assertEquals("{\"user\":\"ana\",\"admin\":false,\"auth\":\"key\"}", bearer(server, "/api/me", "ana-key").json().toString());
            TestServer.Reply wrong = bearer(server, "/api/conversations", "bo-key");
            assertEquals(401, wrong.status());
            assertFalse(wrong.body().contains("bo-key"), "the key is never repeated: " + wrong.body());
            assertEquals(401, server.get("/api/me").status());
            JsonNode options = server.get("/auth/options").json();
            assertTrue(options.path("required").asBoolean() && options.path("keys").asBoolean() && !options.path("oidc").asBoolean());
            keys.revoke("id-0", java.time.Instant.EPOCH);
            assertEquals(401, bearer(server, "/api/me", "ana-key").status(), "a revoked key stops at once");
        }
    }

    @Test
    void proxy_headers_count_only_from_the_trusted_proxy_and_groups_map_to_admin() {
        AuthSettings auth = AuthSettings.none().withAdminGroups(Set.of("advisor-admins"))
                .withProxy(TrustedProxy.at(List.of(Cidr.parse("127.0.0.0/30"))).withGroupsHeader("X-Forwarded-Groups"));
        try (TestServer server = new TestServer(s -> s, auth, "127.0.0.1")) {
            RawHttp ana = RawHttp.request(server, "GET", "/api/me", "127.0.0.1", "X-Forwarded-User: ana",
                    "X-Forwarded-Email: ana@example.com", "X-Forwarded-Groups: staff, advisor-admins");
            assertEquals(200, ana.status(), ana.body());
            assertEquals("{\"user\":\"ana\",\"email\":\"ana@example.com\",\"admin\":true,\"auth\":\"proxy\"}", ana.body());
            assertEquals(401, RawHttp.request(server, "GET", "/api/me", "127.0.0.1").status(), "the proxy sent no user");
        }
        AuthSettings elsewhere = AuthSettings.none().withProxy(TrustedProxy.at(List.of(Cidr.parse("10.9.8.7"))));
        try (TestServer server = new TestServer(s -> s, elsewhere, "127.0.0.1")) {
            RawHttp spoofed = RawHttp.request(server, "GET", "/api/conversations", "127.0.0.1", "X-Forwarded-User: ana");
            assertEquals(401, spoofed.status());
            assertTrue(spoofed.body().contains("not a trusted proxy"), spoofed.body());
            assertEquals(401, RawHttp.request(server, "GET", "/api/me", "127.0.0.1", "X-Forwarded-Email: a@b.c").status());
        }
    }

    @Test
    void a_server_beyond_loopback_with_no_sign_in_refuses_to_start_and_names_the_options() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new TestServer(s -> s, AuthSettings.none(), "0.0.0.0"));
        for (String option : List.of("--api-key", "keys create", "--trusted-proxy", "--oidc-issuer", "--no-auth", "127.0.0.1")) {
            assertTrue(refused.getMessage().contains(option), option + " in: " + refused.getMessage());
        }
        try (TestServer open = new TestServer(s -> s, AuthSettings.none().withNoAuth(true), "0.0.0.0")) {
            assertEquals("local", open.get("/api/me").json().path("user").asText(), "--no-auth: the local user for all");
        }
        try (TestServer keyed = new TestServer(s -> s, AuthSettings.none().withAdminApiKey("k-0123456789"), "0.0.0.0")) {
            assertEquals(401, keyed.get("/api/me").status());
        }
        assertThrows(IllegalArgumentException.class, () -> AuthSettings.none().withAdminApiKey("k").withNoAuth(true));
    }

    private static TestServer.Reply bearer(TestServer server, String path, String key) {
        return server.send(HttpRequest.newBuilder(server.uri(path)).header("Authorization", "Bearer " + key).GET());
    }
}
