package org.ibvadvisor.answer.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A streamed response body read as an {@link InputStream} that yields every byte received before the connection
 * failed, and only then the failure. The JDK's {@code BodyHandlers.ofInputStream()} throws as soon as the failure
 * arrives, dropping what was received but not yet read: a connection Ollama closed mid-answer lost the tokens just
 * before the cut whenever the reader was a little behind. The body is available at once (the response completes
 * with the headers); one buffer list is requested at a time. {@link #close()} may come from another thread and
 * wakes a blocked reader.
 */
final class OrderedBody extends InputStream implements HttpResponse.BodySubscriber<InputStream> {

    /** Queued after the last buffers of a body that ended normally. */
    private static final Object END = new Object();
    /** Queued by {@link #close()} to wake a reader. */
    private static final Object CLOSED = new Object();

    /** Buffer lists, then {@link #END}, a {@link Throwable} or {@link #CLOSED}. */
    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();
    private volatile boolean closed;

    // the reader's state (one reader thread)
    private Iterator<ByteBuffer> buffers = List.<ByteBuffer>of().iterator();
    private ByteBuffer current;
    private boolean ended;
    private IOException failure;

    @Override
    public CompletionStage<InputStream> getBody() {
        return CompletableFuture.completedStage(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription given) {
        Objects.requireNonNull(given, "subscription");
        if (!subscription.complete(given)) {
            given.cancel();
            return;
        }
        if (closed) {
            given.cancel();
        } else {
            given.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        received.add(item);
    }

    @Override
    public void onError(Throwable throwable) {
        received.add(throwable);
    }

    @Override
    public void onComplete() {
        received.add(END);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, into.length);
        if (length == 0) return 0;
        if (!advance()) return -1;
        int n = Math.min(length, current.remaining());
        current.get(into, offset, n);
        return n;
    }

    @Override
    public int available() {
        return current == null ? 0 : current.remaining();
    }

    /** Moves to a buffer with bytes left; false at the end of the body. Throws the connection's failure in turn. */
    private boolean advance() throws IOException {
        while (current == null || !current.hasRemaining()) {
            if (closed) throw new IOException("the response body was closed");
            if (failure != null) throw failure;
            if (ended) return false;
            if (buffers.hasNext()) {
                current = buffers.next();
                continue;
            }
            Object next;
            try {
                next = received.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading the response body");
            }
            if (next == END) {
                ended = true;
            } else if (next == CLOSED) {
                throw new IOException("the response body was closed");
            } else if (next instanceof Throwable error) {
                failure = error instanceof IOException io ? io : new IOException(error.getMessage(), error);
            } else {
                @SuppressWarnings("unchecked")
                List<ByteBuffer> list = (List<ByteBuffer>) next;
                buffers = list.iterator();
                subscription.join().request(1);
            }
        }
        return true;
    }

    /** Stops the body: the connection's subscription is cancelled and a blocked reader wakes with an IOException. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        received.add(CLOSED);
        Flow.Subscription given = subscription.getNow(null);
        if (given != null) given.cancel();
    }
}
