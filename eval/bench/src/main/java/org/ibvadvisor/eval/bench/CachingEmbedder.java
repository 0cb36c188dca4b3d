package org.ibvadvisor.eval.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.ibvadvisor.embed.Embedder;

/**
 * An embedder that remembers passage vectors in a file, keyed by a hash of the model id and the text, so that a
 * benchmark can re-ingest a large corpus without embedding it again. Misses go to the real embedder (in one call
 * per batch) and are appended to the file; queries are never cached. Counts misses and the time spent on them.
 */
public final class CachingEmbedder extends PassageEmbedderWrapper {
    private final Path file;
    private final Map<Long, float[]> vectors = new ConcurrentHashMap<>();
    private DataOutputStream out;
    private long misses;
    private long requested;
    private long missNanos;

    public CachingEmbedder(Embedder delegate, Path file) {
        super(delegate);
        this.file = Objects.requireNonNull(file, "file");
        load();
    }

    @Override
    public synchronized List<float[]> embedPassages(List<String> texts) {
        requested += texts.size();
        List<float[]> result = new ArrayList<>(texts.size());
        List<String> missing = new ArrayList<>();
        List<Integer> where = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            float[] known = vectors.get(key(texts.get(i)));
            result.add(known);
            if (known == null) {
                missing.add(texts.get(i));
                where.add(i);
            }
        }
        if (!missing.isEmpty()) {
            long start = System.nanoTime();
            List<float[]> embedded = delegate.embedPassages(missing);
            missNanos += System.nanoTime() - start;
            misses += missing.size();
            for (int j = 0; j < missing.size(); j++) {
                result.set(where.get(j), embedded.get(j));
                remember(key(missing.get(j)), embedded.get(j));
            }
        }
        return result;
    }

    /** Vectors in the cache. */
    public int size() {
        return vectors.size();
    }

    /** Texts asked for so far, found in the cache or not. */
    public synchronized long requested() {
        return requested;
    }

    /** Passages embedded for real so far (cache misses). */
    public synchronized long misses() {
        return misses;
    }

    /** Seconds spent embedding the misses. */
    public synchronized double missSeconds() {
        return missNanos / 1e9;
    }

    /** Closes the cache file; the delegate stays open (its owner closes it). */
    @Override
    public synchronized void close() {
        try {
            if (out != null) out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }

    private void remember(long key, float[] vector) {
        vectors.put(key, vector);
        try {
            if (out == null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND), 1 << 16));
            }
            out.writeLong(key);
            out.writeInt(vector.length);
            ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES);
            bytes.asFloatBuffer().put(vector);
            out.write(bytes.array());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    private void load() {
        if (!Files.exists(file)) return;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            while (true) {
                long key;
                try {
                    key = in.readLong();
                } catch (EOFException end) {
                    return;
                }
                int length = in.readInt();
                if (length != delegate.dimensions()) throw new IOException("vector of " + length + " dimensions in " + file);
                byte[] bytes = in.readNBytes(length * Float.BYTES);
                if (bytes.length < length * Float.BYTES) return; // a torn last record: ignore it
                float[] vector = new float[length];
                ByteBuffer.wrap(bytes).asFloatBuffer().get(vector);
                vectors.put(key, vector);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding cache " + file + " (delete it to start over)", e);
        }
    }

    private long key(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(delegate.modelId().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            byte[] digest = sha.digest(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
