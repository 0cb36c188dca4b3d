package org.ibvadvisor.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.time.Duration;
import org.ibvadvisor.http.RateLimit;
import org.junit.jupiter.api.Test;

/** The per-client rate limit on the real advisor (the limiter itself is tested in the http package on fakes). */
class RateLimitAgainstAdvisorTest {

    @Test
    void a_client_over_the_limit_gets_429_with_retry_after_and_a_json_error() {
        try (RealAdvisor advisor = new RealAdvisor("http://127.0.0.1:9", settings -> settings,
                api -> api.withRateLimit(new RateLimit(4, Duration.ofMinutes(1))))) {
            assertEquals(200, advisor.postJson("/api/retrieve", "{\"query\":\"生成式 AI\"}").status());
            for (int i = 0; i < 3; i++) assertEquals(200, advisor.get("/api/health").status());

            RealAdvisor.Reply limited = advisor.postJson("/api/retrieve", "{\"query\":\"生成式 AI\"}");

            assertEquals(429, limited.status());
            assertTrue(limited.isJsonError(), limited.body());
            var response = advisor.client.sendAsync(HttpRequest.newBuilder(advisor.uri("/api/reports")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).join();
            assertEquals(429, response.statusCode());
            int retryAfter = Integer.parseInt(response.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 15, "a token comes back every 15 s: " + retryAfter);
        }
    }
}
