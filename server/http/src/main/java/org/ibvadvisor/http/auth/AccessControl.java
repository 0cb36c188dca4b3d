package org.ibvadvisor.http.auth;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.ibvadvisor.answer.Caller;
import org.ibvadvisor.identity.AuthMethod;
import org.ibvadvisor.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may do what, in front of every route: the {@code Host} allowlist (421), the {@code Origin} check on
 * state-changing requests (403), on {@code /api/*} and {@code /v1/*} the rate limit (429, by user or address) and the
 * caller's identity (401 without one), the
 * security headers of every response, and the sign-in routes ({@code GET /api/me}, {@code /auth/*}). The identity of
 * a request is {@link #user(Context)} for the routes behind it.
 *
 * <p>{@link #create} refuses a configuration that would expose the implicit {@code local} user beyond loopback.
 */
public final class AccessControl {
    private static final Logger LOG = LoggerFactory.getLogger(AccessControl.class);
    static final String USER_ATTRIBUTE = "org.ibvadvisor.user";
    static final String SIGN_IN_HINT = "send 'Authorization: Bearer <key>' (./advisor keys create) or sign in on the page";

    private final AuthSettings settings;
    private final IdentityResolver resolver;
    private final Sessions sessions;
    private final HostPolicy hosts;
    private final OriginPolicy origins;
    private final OidcLogin oidc;
    private final RequestThrottle throttle;
    private final SignIns signIns = new SignIns();
    private final Clock clock;

    private AccessControl(AuthSettings settings, IdentityResolver resolver, Sessions sessions, HostPolicy hosts,
                          OriginPolicy origins, OidcLogin oidc, RequestThrottle throttle, Clock clock) {
        this.settings = settings;
        this.resolver = resolver;
        this.sessions = sessions;
        this.hosts = hosts;
        this.origins = origins;
        this.oidc = oidc;
        this.throttle = throttle;
        this.clock = clock;
    }

    /**
     * The access control of a server bound to {@code boundHost}.
     *
     * @param corsOrigins origins allowed to call the API from another site's pages
     * @param throttle    the rate limit of API requests, by user or by address
     * @throws IllegalArgumentException for a server beyond loopback with no way to sign in and no {@code --no-auth},
     *                                  naming the options
     */
    public static AccessControl create(AuthSettings settings, String boundHost, List<String> corsOrigins,
                                       RequestThrottle throttle, Clock clock) {
        check(settings, boundHost);
        boolean loopback = loopback(boundHost);
        if (!loopback && settings.noAuth()) {
            LOG.warn("--no-auth: listening on {} with no sign-in; everyone who reaches it is the one local user and "
                    + "can read and delete every conversation", boundHost);
        }
        Sessions sessions = new Sessions(settings.sessionLifetime());
        IdentityResolver resolver = new IdentityResolver(settings, loopback || settings.noAuth(), sessions, clock);
        OidcLogin oidc = settings.oidc() == null ? null : new OidcLogin(settings.oidc(), settings.adminGroups());
        return new AccessControl(settings, resolver, sessions, new HostPolicy(boundHost, settings.publicNames()),
                new OriginPolicy(corsOrigins), oidc, throttle, clock);
    }

    /**
     * Whether a server bound to {@code boundHost} may start with {@code settings}: not beyond loopback with no way to
     * sign in (unless {@code noAuth}), and not {@code noAuth} over a data folder that holds keys.
     *
     * @throws IllegalArgumentException naming the options
     */
    public static void check(AuthSettings settings, String boundHost) {
        boolean loopback = loopback(boundHost);
        if (settings.noAuth() && settings.keys() != null && settings.keys().holdsAny()) {
            throw new IllegalArgumentException("--no-auth, but the data folder holds API keys: revoke them "
                    + "(./advisor keys list / revoke) and move the key file away, or drop --no-auth");
        }
        if (!loopback && !settings.signInConfigured() && !settings.noAuth()) {
            throw new IllegalArgumentException("refusing to listen on " + boundHost + " with no sign-in: anyone who "
                    + "reaches it could read every conversation. Configure one of --api-key / ADVISOR_API_KEY / "
                    + "--api-key-file, per-person keys (./advisor keys create --user NAME), --trusted-proxy CIDR "
                    + "(a signing-in reverse proxy) or --oidc-issuer URL; or listen on 127.0.0.1; or pass --no-auth "
                    + "to serve everyone as the one local user");
        }
    }

    /** The user a request was let in as; empty for an anonymous {@code /api/health} and outside the API. */
    public static Optional<User> user(Context ctx) {
        return Optional.ofNullable(ctx.attribute(USER_ATTRIBUTE));
    }

    /**
     * The caller of an API route, whose conversations it acts on. Every route behind the check has one (the check
     * refuses a request without), so none is a programming error, never the local user by default.
     */
    public static Caller caller(Context ctx) {
        return user(ctx).map(user -> new Caller(user.id()))
                .orElseThrow(() -> new IllegalStateException("no signed-in user on " + ctx.path()
                        + ": the access check did not run before this route"));
    }

    /** Whether the caller has the admin rights. */
    public static boolean admin(Context ctx) {
        return user(ctx).map(User::admin).orElse(false);
    }

    /** Puts the checks in front of every route and adds the sign-in routes. Call once, before the API's routes. */
    public void install(JavalinConfig config) {
        SecurityHeaders headers = new SecurityHeaders(resolver);
        config.jetty.modifyHttpConfiguration(http -> {
            http.addCustomizer(headers);
            // Jetty's per-connection header cache otherwise matches a header line case-insensitively: a second request
            // whose key differs from the first one's only in case would be handed the first one's header
            http.setHeaderCacheCaseSensitive(true);
        });
        AuthRoutes routes = new AuthRoutes(this);
        config.routes.before(this::check);
        config.routes.get("/api/me", routes::me);
        config.routes.get("/auth/options", routes::options);
        config.routes.get("/auth/login", routes::login);
        config.routes.get("/auth/callback", routes::callback);
        config.routes.post("/auth/logout", routes::logout);
    }

    private void check(Context ctx) {
        RequestFacts facts = facts(ctx);
        String host = resolver.requestedHost(facts);
        if (!hosts.allows(host)) {
            refuse(ctx, facts, 421, "misdirected request: this advisor does not answer to the host '"
                    + SecurityLog.clean(HostPolicy.hostOnly(host == null ? "" : host)) + "' (add it with --public-name)", null);
        }
        if (changesState(ctx.method()) && !origins.allows(ctx.header("Origin"), host)) {
            refuse(ctx, facts, 403, "cross-origin request refused: Origin '" + SecurityLog.clean(ctx.header("Origin"))
                    + "' is not this advisor's (allow it with --cors-origin)", null);
        }
        String path = ctx.path();
        boolean api = path.startsWith("/api/") || path.startsWith("/v1/") || path.equals("/metrics");
        if (!api || ctx.method() == HandlerType.OPTIONS) return;
        Resolution resolution = resolver.resolve(facts);
        User known = resolution instanceof Resolution.Known k ? k.user() : null;
        throttle(ctx, facts, known);
        switch (resolution) {
            case Resolution.Known ignored -> {
                ctx.attribute(USER_ATTRIBUTE, known);
                if (known.auth() != AuthMethod.LOCAL && known.auth() != AuthMethod.OIDC) {
                    signIns.seen(known, resolver.clientAddress(facts)); // an OIDC sign-in was logged at its callback
                }
            }
            case Resolution.Anonymous ignored -> {
                if (!path.equals("/api/health") && !path.equals("/api/health/live")) {
                    ctx.header("WWW-Authenticate", "Bearer");
                    refuse(ctx, facts, 401, "sign-in required: " + SIGN_IN_HINT, null);
                }
            }
            case Resolution.Refused refused -> {
                ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                refuse(ctx, facts, 401, refused.reason() + ": " + SIGN_IN_HINT, null);
            }
        }
    }

    /**
     * The rate limit: a signed-in user's own allowance, wherever they call from; everyone else's (the implicit local
     * user, anonymous and refused callers) by the client's address, the real one behind a trusted proxy.
     */
    private void throttle(Context ctx, RequestFacts facts, User user) {
        String client = user != null && user.auth() != AuthMethod.LOCAL ? "user:" + user.id()
                : "address:" + resolver.clientAddress(facts);
        OptionalLong wait = throttle.acquire(client, ctx);
        if (wait.isPresent()) {
            ctx.header("Retry-After", Long.toString(wait.getAsLong()));
            refuse(ctx, facts, 429, "too many requests: retry in " + wait.getAsLong() + " s", user);
        }
    }

    /** Whether the request came from a trusted proxy (see {@code --trusted-proxy}). */
    public boolean fromTrustedProxy(Context ctx) {
        return resolver.fromTrustedProxy(facts(ctx));
    }

    /** The address of whoever sent the request (behind a trusted proxy, the client's, not the proxy's). */
    public String clientAddress(Context ctx) {
        return resolver.clientAddress(facts(ctx));
    }

    private void refuse(Context ctx, RequestFacts facts, int status, String message, User user) {
        SecurityLog.refused(status, message.contains(":") ? message.substring(0, message.indexOf(':')) : message, user,
                resolver.clientAddress(facts), ctx.method().name(), ctx.path());
        throw new HttpResponseException(status, message, Map.of());
    }

    private static boolean changesState(HandlerType method) {
        return method == HandlerType.POST || method == HandlerType.PUT || method == HandlerType.PATCH
                || method == HandlerType.DELETE;
    }

    static RequestFacts facts(Context ctx) {
        return new RequestFacts() {
            @Override
            public String remoteAddress() {
                return ctx.req().getRemoteAddr();
            }

            @Override
            public String header(String name) {
                return ctx.header(name);
            }

            @Override
            public String cookie(String name) {
                return ctx.cookie(name);
            }
        };
    }

    static boolean loopback(String host) {
        if (host == null || host.isBlank()) return false;
        if (host.equalsIgnoreCase("localhost")) return true;
        if (Cidr.literal(host) == null) {
            try {
                for (InetAddress address : InetAddress.getAllByName(host)) if (!address.isLoopbackAddress()) return false;
                return true;
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return Cidr.parse("127.0.0.0/8").contains(host) || Cidr.parse("::1").contains(host);
    }

    AuthSettings settings() {
        return settings;
    }

    IdentityResolver resolver() {
        return resolver;
    }

    Sessions sessions() {
        return sessions;
    }

    OidcLogin oidc() {
        return oidc;
    }

    Clock clock() {
        return clock;
    }
}
