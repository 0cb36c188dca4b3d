package org.ibvadvisor.http;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A Server-Sent Events response written straight to the servlet output, one flush per event. Nothing is sent
 * until the first event, so a failure before it can still be answered with a plain JSON error status. Once
 * started, a comment line goes out whenever the stream has been silent for the heartbeat period; a write that
 * fails marks the stream {@link #closed()} (the client has gone away). Events and heartbeats may come from
 * different threads.
 */
final class SseStream implements AutoCloseable {
    private static final byte[] HEARTBEAT = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

    private final HttpServletResponse response;
    private final ScheduledExecutorService scheduler;
    private final Duration heartbeat;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean started;
    private volatile boolean closed;
    private volatile long lastWriteNanos;
    private ScheduledFuture<?> heartbeatTask;

    SseStream(HttpServletResponse response, ScheduledExecutorService scheduler, Duration heartbeat) {
        this.response = response;
        this.scheduler = scheduler;
        this.heartbeat = heartbeat;
    }

    /** Whether the response has been committed as an event stream. */
    boolean started() {
        return started;
    }

    /** Whether the client has gone away (or the stream was closed); nothing more is sent then. */
    boolean closed() {
        return closed;
    }

    /** Sends one event; {@code event} may be {@code null} for a plain {@code data:} message. Data is one line of JSON. */
    void send(String event, byte[] data) {
        StringBuilder head = new StringBuilder();
        if (event != null) head.append("event: ").append(event).append('\n');
        head.append("data: ");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[headBytes.length + data.length + 2];
        System.arraycopy(headBytes, 0, frame, 0, headBytes.length);
        System.arraycopy(data, 0, frame, headBytes.length, data.length);
        frame[frame.length - 2] = '\n';
        frame[frame.length - 1] = '\n';
        write(frame);
    }

    private void write(byte[] frame) {
        lock.lock();
        try {
            if (closed) return;
            if (!started) start();
            ServletOutputStream out = response.getOutputStream();
            out.write(frame);
            out.flush();
            lastWriteNanos = System.nanoTime();
        } catch (IOException | RuntimeException e) {
            closed = true;
        } finally {
            lock.unlock();
        }
    }

    private void start() throws IOException {
        response.setStatus(200);
        response.setContentType("text/event-stream;charset=utf-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        started = true;
        long period = heartbeat.toMillis();
        heartbeatTask = scheduler.scheduleAtFixedRate(this::beat, period, period, TimeUnit.MILLISECONDS);
    }

    private void beat() {
        if (System.nanoTime() - lastWriteNanos < heartbeat.toNanos() / 2) return;
        write(HEARTBEAT);
    }

    /** Stops the heartbeat; later sends are dropped. The response itself ends when the handler returns. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            if (heartbeatTask != null) heartbeatTask.cancel(false);
        } finally {
            lock.unlock();
        }
    }
}
