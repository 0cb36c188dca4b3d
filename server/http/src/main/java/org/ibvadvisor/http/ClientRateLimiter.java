package org.ibvadvisor.http;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** One Bucket4j token bucket per client key; a full bucket of an idle client is forgotten when many are kept. */
final class ClientRateLimiter {
    private static final int MAX_CLIENTS = 10_000;

    private final RateLimit limit;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    ClientRateLimiter(RateLimit limit) {
        this.limit = limit;
    }

    /** Takes {@code cost} tokens (1 or more) from {@code client}'s allowance; empty when allowed, else the seconds to wait. */
    OptionalLong acquire(String client, int cost) {
        if (!limit.limited()) return OptionalLong.empty();
        if (buckets.size() > MAX_CLIENTS) forgetIdleClients();
        ConsumptionProbe probe = buckets.computeIfAbsent(client, key -> newBucket()).tryConsumeAndReturnRemaining(cost);
        if (probe.isConsumed()) return OptionalLong.empty();
        long seconds = TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + TimeUnit.SECONDS.toNanos(1) - 1);
        return OptionalLong.of(Math.max(1, seconds));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.requests()).refillGreedy(limit.requests(), limit.per()).build())
                .build();
    }

    private void forgetIdleClients() {
        buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= limit.requests());
    }
}
