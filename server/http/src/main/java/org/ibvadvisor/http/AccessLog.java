package org.ibvadvisor.http;

import io.javalin.http.Context;
import org.ibvadvisor.http.auth.AccessControl;
import org.ibvadvisor.http.metrics.RequestIds;
import org.ibvadvisor.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on the logger {@code org.ibvadvisor.access} (when switched on): method, path, status,
 * milliseconds, user ({@code -} when none), the request's id ({@code X-Request-Id}) and the client's address (the real one behind a trusted proxy). Never the
 * query string, a header, a body or a credential; control characters in the path are replaced.
 */
final class AccessLog {
    private static final Logger LOG = LoggerFactory.getLogger("org.ibvadvisor.access");

    private final AccessControl access;

    AccessLog(AccessControl access) {
        this.access = access;
    }

    void log(Context ctx, Float millis) {
        String user = AccessControl.user(ctx).map(User::id).orElse("-");
        LOG.info("{} {} {} {}ms user={} request={} address={}", ctx.method().name(), printable(ctx.path()), ctx.statusCode(),
                String.format(java.util.Locale.ROOT, "%.1f", millis), printable(user), RequestIds.of(ctx), access.clientAddress(ctx));
    }

    private static String printable(String value) {
        String clean = value.codePoints().limit(300).map(c -> Character.isISOControl(c) || c == ' ' ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.isEmpty() ? "-" : clean;
    }
}
