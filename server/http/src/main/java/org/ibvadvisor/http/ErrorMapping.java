package org.ibvadvisor.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.router.EndpointNotFound;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ibvadvisor.answer.AnswererBusyException;
import org.ibvadvisor.retrieval.UnknownReportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns exceptions into HTTP answers: a status and a JSON body {@code {"error": "…"}}. Client
 * mistakes get 4xx with a message naming the problem; anything unexpected gets 500 with a generic message and
 * a log line carrying an id that the message repeats.
 */
final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    /** What to answer for an exception. */
    record Problem(int status, String message, Map<String, String> headers) {
    }

    private final List<ErrorStatus> domainErrors;
    private final ApiJson json;

    ErrorMapping(List<ErrorStatus> domainErrors, ApiJson json) {
        this.domainErrors = List.copyOf(domainErrors);
        this.json = json;
    }

    void register(RoutesConfig routes) {
        routes.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, classify(e)));
        routes.exception(Exception.class, (e, ctx) -> respond(ctx, classify(e)));
    }

    void respond(Context ctx, Problem problem) {
        problem.headers().forEach(ctx::header);
        ctx.status(problem.status())
                .contentType("application/json;charset=utf-8")
                .result(json.bytes(json.error(problem.message())));
    }

    Problem classify(Throwable error) {
        for (ErrorStatus rule : domainErrors) {
            if (rule.type().isInstance(error)) return new Problem(rule.status(), messageOf(error), Map.of());
        }
        return switch (error) {
            case ApiException e -> new Problem(e.status(), e.getMessage(), e.headers());
            case EndpointNotFound e -> new Problem(404, "no such endpoint: " + e.getMessage()
                    .replaceFirst("^Endpoint ", "").replaceFirst(" not found$", ""), Map.of());
            case MethodNotAllowedResponse e -> new Problem(405, "method not allowed here"
                    + allowed(e.getDetails()), Map.of());
            case HttpResponseException e when e.getStatus() == 413 -> new Problem(413, "request body is too large", Map.of());
            case HttpResponseException e when e.getStatus() >= 400 && e.getStatus() < 600 ->
                    new Problem(e.getStatus(), messageOf(e), Map.of());
            case AnswererBusyException e -> new Problem(503, messageOf(e),
                    Map.of("Retry-After", Integer.toString(Math.max(1, e.retryAfterSeconds()))));
            case UnknownReportException e -> new Problem(400, messageOf(e), Map.of());
            case IllegalArgumentException e -> new Problem(400, messageOf(e), Map.of());
            default -> unexpected(error);
        };
    }

    private static String allowed(Map<String, String> details) {
        String methods = details.get("availableMethods");
        return methods == null || methods.isBlank() ? "" : "; allowed: " + methods;
    }

    private static Problem unexpected(Throwable error) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("unexpected error {}", id, error);
        return new Problem(500, "internal error (logged as " + id + ")", Map.of());
    }

    private static String messageOf(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }
}
