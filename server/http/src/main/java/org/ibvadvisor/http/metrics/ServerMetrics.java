package org.ibvadvisor.http.metrics;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The advisor's meters, on a Micrometer registry that {@code GET /metrics} shows in Prometheus' text format:
 * {@code http_server_requests_seconds} (count, sum and histogram buckets by method, route and status — the route as
 * declared, {@code /api/conversations/{id}}, never the raw path, so that the series stay few), and the JVM's and the process's own (memory, GC, threads, CPU, uptime, open files).
 */
public final class ServerMetrics implements AutoCloseable {
    /** Route label of a request no route matched (the chat page's files, a 404). */
    static final String NO_ROUTE = "other";

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gc;

    private ServerMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        this.gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    /** A registry of its own with the JVM's and the process's meters bound. */
    public static ServerMetrics create() {
        return new ServerMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /** The registry, for other parts to add their meters to. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Records one finished request (called by the server's request logger). */
    public void requestDone(Context ctx, float millis) {
        Timer.builder("http.server.requests")
                .description("HTTP requests by method, route and status")
                .tag("method", ctx.method().name())
                .tag("route", route(ctx))
                .tag("status", Integer.toString(ctx.statusCode()))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry)
                .record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
    }

    /** Everything, in Prometheus' text exposition format. */
    public String scrape() {
        return registry.scrape();
    }

    private static String route(Context ctx) {
        try {
            Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
            return endpoint == null ? NO_ROUTE : endpoint.path;
        } catch (RuntimeException e) {
            return NO_ROUTE;
        }
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
