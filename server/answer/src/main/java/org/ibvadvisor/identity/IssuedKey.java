package org.ibvadvisor.identity;

import java.util.Objects;

/** A key just made: its description and the secret, which exists only here and is shown to its owner once. */
public record IssuedKey(ApiKeyInfo info, String secret) {
    public IssuedKey {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(secret, "secret");
    }

    /** Never the secret: records print their fields, and this one goes to logs by accident sooner or later. */
    @Override
    public String toString() {
        return "IssuedKey[" + info + ", secret=…]";
    }
}
