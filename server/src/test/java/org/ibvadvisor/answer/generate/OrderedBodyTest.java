package org.ibvadvisor.answer.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OrderedBodyTest {

    /** A subscription that counts what was requested and whether it was cancelled. */
    static final class Demand implements Flow.Subscription {
        final AtomicLong requested = new AtomicLong();
        final AtomicBoolean cancelled = new AtomicBoolean();

        @Override public void request(long n) { requested.addAndGet(n); }
        @Override public void cancel() { cancelled.set(true); }
    }

    private static List<ByteBuffer> bytes(String text) {
        return List.of(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void bytes_received_before_a_failure_are_read_before_the_failure() throws IOException {
        var body = new OrderedBody();
        body.onSubscribe(new Demand());
        body.onNext(bytes("一\n"));
        body.onNext(bytes("二\n"));
        body.onError(new IOException("connection closed mid-body"));

        InputStream in = body.getBody().toCompletableFuture().join();
        assertArrayEquals("一\n二\n".getBytes(StandardCharsets.UTF_8), in.readNBytes(8));
        var failure = assertThrows(IOException.class, in::read);
        assertEquals("connection closed mid-body", failure.getMessage());
        assertThrows(IOException.class, in::read, "the failure stays");
    }

    @Test
    void a_body_that_completes_ends_with_minus_one_and_is_requested_one_list_at_a_time() throws IOException {
        var body = new OrderedBody();
        var demand = new Demand();
        body.onSubscribe(demand);
        assertEquals(1, demand.requested.get());
        body.onNext(List.of(ByteBuffer.wrap(new byte[] {1, 2}), ByteBuffer.wrap(new byte[] {3})));
        body.onComplete();

        assertArrayEquals(new byte[] {1, 2, 3}, body.readAllBytes());
        assertEquals(2, demand.requested.get(), "one more list asked for once the first was taken");
        assertEquals(-1, body.read());
    }

    @Test
    void close_from_another_thread_wakes_a_blocked_reader_and_cancels_the_connection() throws Exception {
        var body = new OrderedBody();
        var demand = new Demand();
        body.onSubscribe(demand);
        var reading = CompletableFuture.supplyAsync(() -> {
            try {
                return body.read();
            } catch (IOException e) {
                return e;
            }
        });
        Thread.sleep(50);
        body.close();

        Object outcome = reading.get(5, TimeUnit.SECONDS);
        assertTrue(outcome instanceof IOException, "the reader got " + outcome);
        assertTrue(demand.cancelled.get());
    }

    @Test
    void a_body_closed_before_its_subscription_cancels_it_on_arrival() {
        var body = new OrderedBody();
        body.close();
        var demand = new Demand();
        body.onSubscribe(demand);
        assertTrue(demand.cancelled.get());
        assertEquals(0, demand.requested.get());
    }
}
