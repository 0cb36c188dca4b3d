package org.ibvadvisor.http.metrics;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The id of a request: the {@code X-Request-Id} a trusted proxy sent (nginx's {@code $request_id}), when it is a
 * plain token, else a new random one. Set on the response as {@code X-Request-Id} and kept on the request for the
 * log lines about it. A client beyond the proxies cannot choose its id (it could forge another request's).
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "ibv.requestId";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final Predicate<Context> fromTrustedProxy;

    /** @param fromTrustedProxy whether a request came through a proxy whose headers are believed */
    public RequestIds(Predicate<Context> fromTrustedProxy) {
        this.fromTrustedProxy = fromTrustedProxy;
    }

    /** Gives the request its id (a before-handler, first of all). */
    public void assign(Context ctx) {
        String sent = ctx.header(HEADER);
        String id = sent != null && PLAIN.matcher(sent).matches() && fromTrustedProxy.test(ctx) ? sent : UUID.randomUUID().toString();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
    }

    /** The request's id, or {@code "-"} before {@link #assign} ran. */
    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "-" : id;
    }
}
