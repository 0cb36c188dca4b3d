package org.ibvadvisor.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A graceful stop: counts the requests in flight (answer streams included: they are written on their request's
 * thread) and, once draining, answers every new request but the liveness probe with 503 and a JSON body, so that a
 * load balancer's health check takes this replica out while the streams it carries finish. A servlet filter, so
 * that no request escapes the count.
 */
final class Drain implements Filter {
    static final String LIVE_PATH = "/api/health/live";
    private static final byte[] DRAINING = ("{\"status\":\"draining\",\"error\":\"this advisor is shutting down: "
            + "retry in a moment (another replica answers)\"}").getBytes(StandardCharsets.UTF_8);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private int inFlight;
    private volatile boolean draining;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (draining && !(request instanceof HttpServletRequest http && LIVE_PATH.equals(http.getRequestURI()))) {
            HttpServletResponse reply = (HttpServletResponse) response;
            reply.setStatus(503);
            reply.setHeader("Retry-After", "1");
            reply.setHeader("Connection", "close");
            reply.setContentType("application/json;charset=utf-8");
            reply.getOutputStream().write(DRAINING);
            return;
        }
        lock.lock();
        try {
            inFlight++;
        } finally {
            lock.unlock();
        }
        try {
            chain.doFilter(request, response);
        } finally {
            lock.lock();
            try {
                if (--inFlight == 0) idle.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Whether new requests are being refused. */
    boolean draining() {
        return draining;
    }

    /**
     * Refuses new requests from now on and waits until those in flight have finished, at most {@code bound}.
     *
     * @return the requests still in flight when it stopped waiting (0: all finished)
     */
    int drain(Duration bound) {
        draining = true;
        long left = bound.toNanos();
        lock.lock();
        try {
            while (inFlight > 0 && left > 0) left = idle.awaitNanos(left);
            return inFlight;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    /** Requests being served now. */
    int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }
}
