package org.ibvadvisor.http.auth;

import org.ibvadvisor.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Security events, on the logger {@code org.ibvadvisor.security}: refusals (401, 403, 421, 429) and sign-ins and
 * sign-outs, with the user, the client's address and the route — never a key, a token, a cookie or a question.
 */
public final class SecurityLog {
    private static final Logger LOG = LoggerFactory.getLogger("org.ibvadvisor.security");

    private SecurityLog() {
    }

    /** A request refused with {@code status}. */
    public static void refused(int status, String reason, User user, String address, String method, String path) {
        LOG.warn("refused {} {}: user={} address={} route={} {}", status, reason, user == null ? "-" : user.id(),
                clean(address), method, clean(path));
    }

    static void signedIn(User user, String address) {
        LOG.info("signed in: user={} auth={} admin={} address={}", user.id(), user.auth().wireName(), user.admin(),
                clean(address));
    }

    static void signInFailed(String reason, String address) {
        LOG.warn("sign-in failed: {} address={}", reason, clean(address));
    }

    static void signedOut(User user, String address) {
        LOG.info("signed out: user={} address={}", user == null ? "-" : user.id(), clean(address));
    }

    /** Drops control characters and shortens, so that no request can forge a log line. */
    static String clean(String value) {
        if (value == null) return "-";
        String printable = value.codePoints().map(c -> Character.isISOControl(c) ? '?' : c).limit(200)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.isEmpty() ? "-" : printable;
    }
}
