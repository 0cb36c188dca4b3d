package org.ibvadvisor.http;

import java.net.http.HttpClient;
import org.ibvadvisor.http.auth.AuthSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The isolation suite with ana and bo each signed in by a per-person API key ({@code Authorization: Bearer}). */
class KeyIsolationTest extends ConversationIsolationContract {
    private static TestServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        MemoryApiKeys keys = new MemoryApiKeys().with("ana-key", "ana", false).with("bo-key", "bo", false);
        server = new TestServer(s -> s, AuthSettings.none().withKeys(keys), "127.0.0.1");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Client withKey(String key) {
        String base = "http://127.0.0.1:" + server.server.port();
        return (method, path, body) -> send(CLIENT, request(base, method, path, body).header("Authorization", "Bearer " + key));
    }

    @Override
    Client ana() {
        return withKey("ana-key");
    }

    @Override
    Client bo() {
        return withKey("bo-key");
    }
}
