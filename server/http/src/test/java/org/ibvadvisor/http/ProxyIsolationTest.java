package org.ibvadvisor.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import org.ibvadvisor.http.auth.AuthSettings;
import org.ibvadvisor.http.auth.Cidr;
import org.ibvadvisor.http.auth.TrustedProxy;
import org.ibvadvisor.testkit.nginx.TestNginx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The isolation suite with ana and bo signed in by a real nginx in front of the advisor (HTTP Basic in nginx, the user
 * to the advisor in {@code X-Forwarded-User} from 127.0.0.5, its one trusted address).
 */
class ProxyIsolationTest extends ConversationIsolationContract {
    static final String PROXY_ADDRESS = "127.0.0.5";
    private static Path passwords;
    private static TestServer server;
    private static TestNginx nginx;
    private static HttpClient client;

    @BeforeAll
    static void start() throws IOException {
        passwords = Files.createTempDirectory("advisor-htpasswd-");
        Files.setPosixFilePermissions(passwords, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = Files.writeString(passwords.resolve("htpasswd"), "ana:{PLAIN}ana-pw\nbo:{PLAIN}bo-pw\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        AuthSettings auth = AuthSettings.none().withProxy(TrustedProxy.at(List.of(Cidr.parse(PROXY_ADDRESS))));
        server = new TestServer(s -> s, auth, "127.0.0.1");
        nginx = TestNginx.start(port -> signingInProxy(port, file, server.server.port()));
        client = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.1")).build();
    }

    /** nginx asking for HTTP Basic against {@code passwords} and passing the user on to the advisor at {@code advisorPort}. */
    static String signingInProxy(int port, Path passwords, int advisorPort) {
        return """
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
                    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    proxy_set_header X-Forwarded-Proto $scheme;
                    proxy_set_header Authorization "";
                  }
                }
                """.formatted(port, passwords, advisorPort, PROXY_ADDRESS);
    }

    @AfterAll
    static void stop() throws IOException {
        if (nginx != null) nginx.close();
        if (server != null) server.close();
        try (var files = Files.walk(passwords)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static Client as(String user, String password) {
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return (method, path, body) -> send(client, request(nginx.baseUrl(), method, path, body).header("Authorization", basic));
    }

    @Override
    Client ana() {
        return as("ana", "ana-pw");
    }

    @Override
    Client bo() {
        return as("bo", "bo-pw");
    }
}
