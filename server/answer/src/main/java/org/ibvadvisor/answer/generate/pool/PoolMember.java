package org.ibvadvisor.answer.generate.pool;

import java.util.Objects;
import org.ibvadvisor.answer.generate.Generator;

/**
 * One backend of a {@link GeneratorPool}.
 *
 * @param name        how the operator knows it, e.g. {@code ollama http://gpu1:11434}; unique in a pool
 * @param model       the model it serves
 * @param concurrency answers it streams at once; the pool never sends it more
 * @param generator   its generator (usually a {@link org.ibvadvisor.answer.generate.GuardedGenerator} with room for
 *                    {@code concurrency} and no queue of its own: the pool queues); closed with the pool when it is
 *                    {@link AutoCloseable}
 * @param probe       the health check that brings it back after a failure
 */
public record PoolMember(String name, String model, int concurrency, Generator generator, BackendProbe probe) {
    public PoolMember {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(probe, "probe");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency of " + name + " must be at least 1, got " + concurrency);
        }
    }
}
