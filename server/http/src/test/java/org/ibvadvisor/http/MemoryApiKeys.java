package org.ibvadvisor.http;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.ibvadvisor.identity.ApiKeyInfo;
import org.ibvadvisor.identity.ApiKeys;
import org.ibvadvisor.identity.IssuedKey;
import org.ibvadvisor.identity.User;

/** API keys in memory, for the HTTP layer's tests (the real, hashed store is cli's FileApiKeys, tested there). */
final class MemoryApiKeys implements ApiKeys {
    private final Map<String, ApiKeyInfo> keys = new ConcurrentHashMap<>();

    /** Adds {@code secret} as a key of {@code user}. */
    MemoryApiKeys with(String secret, String user, boolean admin) {
        keys.put(secret, new ApiKeyInfo("id-" + keys.size(), user, admin, Instant.EPOCH, null, null));
        return this;
    }

    @Override
    public Optional<User> verify(String presentedKey, Instant now) {
        ApiKeyInfo info = presentedKey == null ? null : keys.get(presentedKey);
        return info == null || !info.usableAt(now) ? Optional.empty() : Optional.of(info.owner());
    }

    @Override
    public boolean holdsAny() {
        return !keys.isEmpty();
    }

    @Override
    public IssuedKey create(String user, boolean admin, Instant expiresAt, Instant now) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<ApiKeyInfo> list() {
        return List.copyOf(keys.values());
    }

    @Override
    public boolean revoke(String keyId, Instant now) {
        boolean[] found = {false};
        keys.replaceAll((secret, info) -> {
            if (!info.id().equals(keyId)) return info;
            found[0] = true;
            return new ApiKeyInfo(info.id(), info.user(), info.admin(), info.createdAt(), info.expiresAt(), now);
        });
        return found[0];
    }
}
