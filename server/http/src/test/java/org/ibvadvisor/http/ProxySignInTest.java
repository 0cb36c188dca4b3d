package org.ibvadvisor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.ibvadvisor.http.auth.AuthSettings;
import org.ibvadvisor.http.auth.Cidr;
import org.ibvadvisor.http.auth.TrustedProxy;
import org.ibvadvisor.testkit.nginx.TestNginx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real nginx from Debian signs users in (HTTP Basic against its own password file, the simplest signing-in proxy)
 * and names them to the advisor in {@code X-Forwarded-User}, connecting from 127.0.0.5 — the only address the advisor
 * trusts. The same headers sent straight to the advisor from 127.0.0.1 are refused.
 */
class ProxySignInTest {
    private static final String PROXY_ADDRESS = "127.0.0.5";
    private static Path passwords;
    private static TestServer server;
    private static TestNginx nginx;

    @BeforeAll
    static void start() throws IOException {
        passwords = Files.createTempDirectory("advisor-htpasswd-");
        Files.setPosixFilePermissions(passwords, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = Files.writeString(passwords.resolve("htpasswd"), "ana:{PLAIN}ana-pw\nbo:{PLAIN}bo-pw\nroot:{PLAIN}root-pw\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        AuthSettings auth = AuthSettings.none().withAdminGroups(Set.of("admins"))
                .withProxy(TrustedProxy.at(List.of(Cidr.parse(PROXY_ADDRESS))).withGroupsHeader("X-Forwarded-Groups"));
        server = new TestServer(s -> s, auth, "127.0.0.1");
        nginx = TestNginx.start(port -> """
                map $remote_user $advisor_groups { root "admins"; default ""; }
                server {
                  listen 127.0.0.1:%d;
                  location / {
                    auth_basic "advisor";
                    auth_basic_user_file %s;
                    proxy_pass http://127.0.0.1:%d;
                    proxy_bind %s;
                    proxy_http_version 1.1;
                    proxy_buffering off;
                    proxy_set_header Host $http_host;
                    proxy_set_header X-Forwarded-User $remote_user;
                    proxy_set_header X-Forwarded-Email "";
                    proxy_set_header X-Forwarded-Groups $advisor_groups;
                    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    proxy_set_header X-Forwarded-Proto $scheme;
                    proxy_set_header Authorization "";
                  }
                }
                """.formatted(port, file, server.server.port(), PROXY_ADDRESS));
    }

    @AfterAll
    static void stop() throws IOException {
        if (nginx != null) nginx.close();
        if (server != null) server.close();
        try (var files = Files.walk(passwords)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void users_signed_in_by_nginx_are_who_it_says() throws Exception {
        HttpResponse<String> ana = throughNginx("/api/me", "ana", "ana-pw");
        assertEquals(200, ana.statusCode(), ana.body() + nginx.errorLog());
        assertEquals("{\"user\":\"ana\",\"admin\":false,\"auth\":\"proxy\"}", ana.body());
        assertEquals("{\"user\":\"root\",\"admin\":true,\"auth\":\"proxy\"}", throughNginx("/api/me", "root", "root-pw").body());
        assertEquals(401, throughNginx("/api/me", "ana", "wrong").statusCode(), "nginx itself refuses");
        assertEquals(200, throughNginx("/api/conversations", "bo", "bo-pw").statusCode());
    }

    @Test
    void the_same_headers_straight_to_the_advisor_are_refused() {
        RawHttp spoofed = RawHttp.request(server, "GET", "/api/me", "127.0.0.1", "X-Forwarded-User: root",
                "X-Forwarded-Groups: admins");
        assertEquals(401, spoofed.status(), spoofed.body());
        assertTrue(spoofed.body().contains("not a trusted proxy"), spoofed.body());
        RawHttp bare = RawHttp.request(server, "GET", "/api/conversations", "127.0.0.1");
        assertEquals(401, bare.status(), "no proxy, no key: sign in");
    }

    private static HttpResponse<String> throughNginx(String path, String user, String password)
            throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.1"))
                .connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(URI.create(nginx.baseUrl() + path)).header("Authorization", "Basic " + basic)
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
