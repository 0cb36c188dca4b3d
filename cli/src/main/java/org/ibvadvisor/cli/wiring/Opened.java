package org.ibvadvisor.cli.wiring;

import java.util.ArrayDeque;
import java.util.Deque;

/** Resources in the order they were opened, closed in reverse: each one even when one closed before it fails. */
final class Opened implements AutoCloseable {
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    /** Adds {@code resource}, the latest opened; returns it. */
    <T extends AutoCloseable> T add(T resource) {
        resources.push(resource);
        return resource;
    }

    /**
     * Closes everything because of {@code failure} (what stopped the opening, or {@code null}); returns it, with what
     * failed to close suppressed (without a failure, that is dropped).
     */
    RuntimeException closeAfter(RuntimeException failure) {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                if (failure != null) failure.addSuppressed(e);
            }
        }
        return failure;
    }

    @Override
    public void close() {
        closeAfter(null);
    }
}
