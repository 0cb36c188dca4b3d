package org.ibvadvisor.testkit.nginx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class TestNginxTest {

    @Test
    void serves_the_configuration_it_was_given() throws IOException, InterruptedException {
        try (TestNginx nginx = TestNginx.start(port -> """
                server {
                  listen 127.0.0.1:%d;
                  location /hello { default_type text/plain; return 200 "hello from nginx"; }
                }
                """.formatted(port))) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(nginx.baseUrl() + "/hello")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertEquals("hello from nginx", response.body());
        }
    }
}
