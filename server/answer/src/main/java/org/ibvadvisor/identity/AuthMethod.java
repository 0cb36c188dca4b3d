package org.ibvadvisor.identity;

import java.util.Locale;

/** How a caller proved who they are. */
public enum AuthMethod {
    /** Nothing is configured and the server listens on loopback only: the one implicit user, {@code local}. */
    LOCAL,
    /** A trusted reverse proxy named the user in its headers. */
    PROXY,
    /** A session opened by an OpenID Connect sign-in. */
    OIDC,
    /** An API key ({@code Authorization: Bearer …}). */
    KEY;

    /** The name in JSON ({@code "auth": "local"}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
