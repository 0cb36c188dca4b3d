package org.ibvadvisor.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.ibvadvisor.cli.CliRun;
import org.ibvadvisor.cli.wiring.Advisor;
import org.ibvadvisor.cli.wiring.TestAdvisors;
import org.ibvadvisor.http.auth.AuthSettings;
import org.ibvadvisor.ingest.IngestProgress;
import org.ibvadvisor.llm.ollama.OllamaSettings;
import org.ibvadvisor.testing.BundledIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys made with {@code ./advisor keys create} turn sign-in on for the real advisor over the same data folder. */
class KeysAgainstAdvisorTest {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path data;

    @Test
    void a_key_made_on_the_command_line_is_the_only_way_in_and_names_its_user() throws Exception {
        String ana = CliRun.of("keys", "create", "--user", "ana", "--data", data.toString()).out().lines().toList().getLast();
        try (Advisor advisor = TestAdvisors.start(data, "http://127.0.0.1:9")) {
            assertEquals(401, get(advisor.uri(), "/api/conversations", null).statusCode());
            assertEquals(401, get(advisor.uri(), "/api/me", "ibv_000000000000_" + "A".repeat(43)).statusCode());
            HttpResponse<String> me = get(advisor.uri(), "/api/me", ana);
            assertEquals("{\"user\":\"ana\",\"admin\":false,\"auth\":\"key\"}", me.body());
            assertEquals("{\"status\":\"ok\"}", get(advisor.uri(), "/api/health", null).body(), "anonymous health");

            String bo = CliRun.of("keys", "create", "--user", "bo", "--data", data.toString()).out().strip();
            Thread.sleep(1_200); // the running advisor reads the key file again within a second
            assertEquals(200, get(advisor.uri(), "/api/me", bo).statusCode(), "a key made while it runs");
            CliRun.of("keys", "revoke", bo.substring(4, 16), "--data", data.toString());
            Thread.sleep(1_200);
            assertEquals(401, get(advisor.uri(), "/api/me", bo).statusCode(), "a key revoked while it runs");
        }
    }

    @Test
    void the_shared_api_key_from_a_file_is_the_local_admin() throws Exception {
        Path keyFile = Files.writeString(data.resolve("key.txt"), "file-k3y-0123456789\n");
        var config = org.ibvadvisor.cli.ServeCommand.config("--api-key-file", keyFile.toString(), "--api-key=",
                "--index", BundledIndex.path().toString(), "--data", data.resolve("store").toString(), "--port", "0",
                "--ollama-url", "http://127.0.0.1:9");
        assertTrue(config.auth().signInConfigured());
        assertFalse(config.auth().toString().contains("file-k3y"), "settings never print the key");
        var test = TestAdvisors.config(BundledIndex.path(), data.resolve("store"), "http://127.0.0.1:9",
                OllamaSettings.DEFAULT_MODEL).withAuth(config.auth());
        try (Advisor advisor = Advisor.start(test, IngestProgress.NONE)) {
            assertEquals(401, get(advisor.uri(), "/api/me", null).statusCode());
            assertEquals("{\"user\":\"local\",\"admin\":true,\"auth\":\"key\"}",
                    get(advisor.uri(), "/api/me", "file-k3y-0123456789").body());
        }
    }

    @Test
    void a_non_loopback_bind_without_sign_in_fails_at_start_naming_the_options() {
        var open = TestAdvisors.config(BundledIndex.path(), data, "http://127.0.0.1:9", OllamaSettings.DEFAULT_MODEL);
        var everywhere = new org.ibvadvisor.cli.wiring.AdvisorConfig(open.corpus(), open.index(), open.conversations(),
                open.embeddingModel(), open.llm(), open.answers(), open.api(), "0.0.0.0", 0, AuthSettings.none());
        long started = System.nanoTime();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Advisor.start(everywhere, IngestProgress.NONE));
        assertTrue(refused.getMessage().contains("--no-auth") && refused.getMessage().contains("--api-key"), refused.getMessage());
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(2).toNanos(), "refused before loading anything");

        CliRun serve = CliRun.of("serve", "--host", "0.0.0.0", "--port", "0", "--api-key=", "--data", data.toString(),
                "--index", data.resolve("no-index").toString());
        assertEquals(2, serve.exitCode());
        assertTrue(serve.err().contains("refusing to listen on 0.0.0.0"), serve.err());
    }

    private HttpResponse<String> get(URI base, String path, String key) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET();
        if (key != null) request.header("Authorization", "Bearer " + key);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
