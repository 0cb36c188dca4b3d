package org.ibvadvisor.cli.wiring;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** A value made on a daemon thread of its own while the caller goes on with its start-up. */
final class Background<T> {
    private final CompletableFuture<T> making = new CompletableFuture<>();

    private Background() {
    }

    /** Starts making the value on a thread named {@code threadName}. */
    static <T> Background<T> start(String threadName, Supplier<? extends T> make) {
        Background<T> background = new Background<>();
        Thread.ofPlatform().daemon().name(threadName).start(() -> {
            try {
                background.making.complete(make.get());
            } catch (Throwable failure) {
                background.making.completeExceptionally(failure);
            }
        });
        return background;
    }

    /** Waits for the value; throws what making it threw. */
    T get() {
        try {
            return making.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) throw failure;
            if (e.getCause() instanceof Error error) throw error;
            throw e;
        }
    }

    /** Waits for the value; null if making it failed. */
    T getOrNull() {
        try {
            return making.join();
        } catch (CompletionException failed) {
            return null;
        }
    }
}
