package org.ibvadvisor.http.auth;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ibvadvisor.identity.User;

/**
 * The sign-ins of callers who sign in with every request (a key, a trusted proxy's headers): logged as a security event
 * the first time a user comes this way from an address, not on every request. Remembers at most
 * {@value #MAX_REMEMBERED} and then starts over. Thread-safe.
 */
final class SignIns {
    static final int MAX_REMEMBERED = 10_000;

    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    void seen(User user, String address) {
        if (seen.size() >= MAX_REMEMBERED) seen.clear();
        if (seen.add(user.id() + '\u0000' + user.auth() + '\u0000' + address)) SecurityLog.signedIn(user, address);
    }
}
