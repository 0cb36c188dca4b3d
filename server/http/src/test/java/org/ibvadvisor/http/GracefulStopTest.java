package org.ibvadvisor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Stopping as on SIGTERM: the answer streams in flight finish, new requests get 503 with a JSON body while they do
 * (so a load balancer's health check takes the replica out), the liveness probe still answers, and a stream that
 * would outlast the bound is ended when it runs out.
 */
class GracefulStopTest {
    @Test
    void a_stream_in_flight_finishes_while_new_requests_get_503_and_then_the_server_stops() throws Exception {
        TestServer server = new TestServer();
        server.answerer.behaviour = FakeAnswerer.Behaviour.SLOW_TOKENS;
        CompletableFuture<HttpResponse<String>> stream = server.client.sendAsync(HttpRequest.newBuilder(server.uri("/api/chat"))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"什么限制了采用？\"}", StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertTrue(server.answerer.streaming.await(10, TimeUnit.SECONDS), "the answer started");
        java.net.URI liveUri = server.uri("/api/health/live");
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> server.close());
        waitUntil(() -> server.get("/api/health").status() == 503);
        TestServer.Reply health = server.get("/api/health");
        assertEquals("draining", health.json().path("status").asText(), health.body());
        assertEquals(503, server.postJson("/api/retrieve", "{\"query\":\"数据\"}").status());
        TestServer.Reply live = server.get("/api/health/live");
        assertEquals(200, live.status());
        assertEquals("alive", live.json().path("status").asText());

        HttpResponse<String> finished = stream.get(20, TimeUnit.SECONDS);
        List<SseEvents.Event> events = SseEvents.parse(finished.body());
        assertEquals("done", events.getLast().name(), "the stream in flight ran to its end: " + finished.body());
        assertEquals(FakeAnswerer.TOKENS.size(), events.stream().filter(e -> e.name().equals("token")).count());
        stopping.get(20, TimeUnit.SECONDS);
        assertThrows(IOException.class, () -> server.client.send(HttpRequest.newBuilder(liveUri).build(),
                HttpResponse.BodyHandlers.ofString()), "stopped");
    }

    @Test
    void a_stream_longer_than_the_bound_is_ended_when_the_bound_runs_out() throws Exception {
        TestServer server = new TestServer();
        server.answerer.behaviour = FakeAnswerer.Behaviour.TOKENS_UNTIL_CANCELLED;
        CompletableFuture<HttpResponse<String>> stream = server.client.sendAsync(HttpRequest.newBuilder(server.uri("/api/chat"))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"什么限制了采用？\"}", StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertTrue(server.answerer.streaming.await(10, TimeUnit.SECONDS), "the answer started");
        long start = System.nanoTime();
        server.server.close(Duration.ofMillis(500));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis >= 450 && millis < 15_000, "stopped after the bound, not the stream's 20 s: " + millis + " ms");
        try {
            stream.get(20, TimeUnit.SECONDS); // ended by the stop: a cut or a short body, never a hang
        } catch (java.util.concurrent.ExecutionException cut) {
            // the connection was closed under it
        }
        server.close();
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 10 s");
            Thread.sleep(20);
        }
    }
}
