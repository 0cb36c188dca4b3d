package org.ibvadvisor.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.ibvadvisor.answer.conversation.ContinuedConversations;
import org.ibvadvisor.http.auth.AccessControl;
import org.ibvadvisor.http.auth.AuthSettings;
import org.ibvadvisor.http.metrics.RequestIds;
import org.ibvadvisor.http.metrics.ServerMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The advisor's HTTP server: the JSON API under {@code /api}, the OpenAI-compatible API under {@code /v1}, and
 * the chat page at {@code /}. Built from its collaborators, started on a host and port, closed when done.
 *
 * <pre>{@code
 * try (AdvisorServer server = AdvisorServer.start(dependencies, "127.0.0.1", 7070)) {
 *     server.join();   // or talk to server.uri()
 * }
 * }</pre>
 */
public final class AdvisorServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdvisorServer.class);
    /** How long {@link #close()} lets requests in flight (answer streams) finish before it stops the server. */
    public static final Duration DRAIN_BOUND = Duration.ofSeconds(10);
    /** Conversations remembered for OpenAI clients' follow-ups. */
    private static final int REMEMBERED_CONVERSATIONS = 10_000;

    private final Javalin app;
    private final ScheduledExecutorService heartbeats;
    private final ServerMetrics metrics;
    private final Drain drain;
    private final String host;

    private AdvisorServer(Javalin app, ScheduledExecutorService heartbeats, ServerMetrics metrics, Drain drain, String host) {
        this.app = app;
        this.heartbeats = heartbeats;
        this.metrics = metrics;
        this.drain = drain;
        this.host = host;
    }

    /**
     * Builds the server and starts it.
     *
     * @param host the address to listen on (e.g. {@code 127.0.0.1}, or {@code 0.0.0.0} for every interface)
     * @param port the port, or 0 for a free one (see {@link #port()})
     */
    public static AdvisorServer start(ApiDependencies dependencies, String host, int port) {
        return start(dependencies, AuthSettings.none(), host, port);
    }

    /**
     * Builds the server with sign-in configured by {@code auth} and starts it.
     *
     * @throws IllegalArgumentException when {@code host} is beyond loopback and {@code auth} configures no sign-in
     *                                  (and no {@code noAuth}): the message names the options
     */
    public static AdvisorServer start(ApiDependencies dependencies, AuthSettings auth, String host, int port) {
        AccessControl access = AccessControl.create(auth, host, dependencies.settings().corsOrigins(),
                new ApiAccess(dependencies.settings().rateLimit()), Clock.systemUTC());
        ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sse-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        ServerMetrics metrics = ServerMetrics.create();
        Drain drain = new Drain();
        try {
            Javalin app = Javalin.create(config -> {
                config.jetty.modifyServletContextHandler(handler -> handler.addFilter(new FilterHolder(drain), "/*",
                        EnumSet.of(DispatcherType.REQUEST)));
                configure(config, dependencies, access, heartbeats, metrics);
            });
            app.start(host, port);
            LOG.info("serving on http://{}:{}/", host, app.port());
            return new AdvisorServer(app, heartbeats, metrics, drain, host);
        } catch (RuntimeException e) {
            heartbeats.shutdownNow();
            metrics.close();
            throw e;
        }
    }

    private static void configure(JavalinConfig config, ApiDependencies deps, AccessControl access,
                                  ScheduledExecutorService heartbeats, ServerMetrics metrics) {
        ApiSettings settings = deps.settings();
        ApiJson json = new ApiJson(settings.maxJsonDepth(), settings.maxBodyBytes());
        ErrorMapping errors = new ErrorMapping(deps.domainErrors(), json);
        ConversationRoutes conversations = new ConversationRoutes(deps.conversations(), json, settings.maxBodyBytes());
        RetrieveRoute retrieve = new RetrieveRoute(deps.retriever(), json, settings.maxBodyBytes());
        ReportRoutes reports = new ReportRoutes(deps.reports(), deps.health(), json);
        AnswerRoutes answers = new AnswerRoutes(deps.answerer(), conversations::exists, json, errors,
                settings.maxBodyBytes(), heartbeats, settings.sseHeartbeat());
        OpenAiRoutes openAi = new OpenAiRoutes(deps.answerer(),
                new ContinuedConversations(deps.conversations(), REMEMBERED_CONVERSATIONS), json, errors,
                settings.maxBodyBytes(), heartbeats, settings.sseHeartbeat());

        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.maxRequestSize = settings.maxBodyBytes();
        config.http.prefer405over404 = true;
        config.router.javaLangErrorHandler((response, error) -> {
            LOG.error("fatal error while answering a request", error);
            try {
                response.setStatus(500);
                response.setContentType("application/json;charset=utf-8");
                response.getOutputStream().write("{\"error\":\"internal error\"}".getBytes(StandardCharsets.UTF_8));
            } catch (java.io.IOException | RuntimeException ignored) {
                // the response is gone; nothing more to tell
            }
        });
        config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
        config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new JsonErrorHandler()));
        staticFiles(config, settings.staticFolder());
        if (!settings.corsOrigins().isEmpty()) {
            config.bundledPlugins.enableCors(cors -> settings.corsOrigins().forEach(origin ->
                    cors.addRule(rule -> rule.allowHost(origin))));
        }

        var routes = config.routes;
        routes.before(new RequestIds(access::fromTrustedProxy)::assign); // first: a refused request has its id too
        access.install(config);
        AccessLog accessLog = settings.accessLog() ? new AccessLog(access) : null;
        config.requestLogger.http((ctx, millis) -> {
            metrics.requestDone(ctx, millis);
            if (accessLog != null) accessLog.log(ctx, millis);
        });
        errors.register(routes);

        routes.get("/api/health", reports::health);
        routes.get(Drain.LIVE_PATH, ctx -> json.reply(ctx, 200, json.object().put("status", "alive")));
        routes.post("/api/retrieve", retrieve::retrieve);
        routes.post("/api/answer", answers::answer);
        routes.post("/api/chat", answers::chat);
        routes.get("/api/conversations", conversations::list);
        routes.get("/api/conversations/{id}", conversations::get);
        routes.patch("/api/conversations/{id}", conversations::rename);
        routes.delete("/api/conversations/{id}", conversations::delete);
        routes.post("/api/feedback", conversations::feedback);
        routes.get("/api/reports", reports::list);
        routes.get("/api/reports/{id}/text", reports::text);
        routes.post("/v1/chat/completions", openAi::completions);
        routes.get("/v1/models", openAi::models);
        routes.get("/metrics", ctx -> {
            // what every user's traffic adds up to: for admins (the local user is one), like /api/health's details
            if (!AccessControl.admin(ctx)) throw new ApiException(403, "the metrics are for admins");
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
        });
    }

    private static void staticFiles(JavalinConfig config, String folder) {
        if (AdvisorServer.class.getResource("/META-INF/resources/webjars") != null) {
            config.staticFiles.enableWebjars();
        } else {
            LOG.warn("no WebJars on the classpath: /webjars/ is not served");
        }
        if (AdvisorServer.class.getResource(folder) == null) {
            LOG.warn("no chat page: classpath folder {} not found", folder);
            return;
        }
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = folder;
            files.location = Location.CLASSPATH;
        });
    }

    /** The port the server listens on (the free one chosen when started with port 0). */
    public int port() {
        return app.port();
    }

    /** The server's base address, e.g. {@code http://127.0.0.1:7070/}. */
    public URI uri() {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        if (host.equals("0.0.0.0")) shown = "127.0.0.1";
        return URI.create("http://" + shown + ":" + port() + "/");
    }

    /** Blocks until the server stops (e.g. on {@link #close()} from a shutdown hook). */
    public void join() throws InterruptedException {
        app.jettyServer().server().join();
    }

    /**
     * Stops serving gracefully, as on SIGTERM: new requests get 503 (the liveness probe still answers), requests in
     * flight — answer streams — may finish for {@link #DRAIN_BOUND}, then the server stops and ends what is left.
     */
    @Override
    public void close() {
        close(DRAIN_BOUND);
    }

    /** {@link #close()} with its own bound on how long requests in flight may finish (zero: end them now). */
    public void close(Duration drainBound) {
        if (!drain.draining()) {
            int left = drain.drain(drainBound);
            if (left > 0) LOG.warn("stopping with {} requests still in flight after {} s", left, drainBound.toSeconds());
        }
        app.stop();
        heartbeats.shutdownNow();
        metrics.close();
    }
}
