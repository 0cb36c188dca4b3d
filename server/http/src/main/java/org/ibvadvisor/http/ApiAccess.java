package org.ibvadvisor.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.OptionalLong;
import java.util.Set;
import org.ibvadvisor.http.auth.RequestThrottle;

/**
 * The rate limit of the API (asked by {@code AccessControl}, which knows who is calling): each client's bucket of
 * {@link RateLimit#requests()} tokens, a question ({@code POST /api/answer}, {@code /api/chat},
 * {@code /v1/chat/completions}) costing {@value #QUESTION_COST} of them, any other request one.
 */
final class ApiAccess implements RequestThrottle {
    static final int QUESTION_COST = 5;
    private static final Set<String> QUESTIONS = Set.of("/api/answer", "/api/chat", "/v1/chat/completions");

    private final ClientRateLimiter rateLimiter;
    private final int questionCost;

    ApiAccess(RateLimit limit) {
        this.rateLimiter = new ClientRateLimiter(limit);
        this.questionCost = Math.max(1, Math.min(QUESTION_COST, limit.requests())); // a small limit still admits one
    }

    @Override
    public OptionalLong acquire(String client, Context request) {
        return rateLimiter.acquire(client, cost(request.method(), request.path()));
    }

    int cost(HandlerType method, String path) {
        return method == HandlerType.POST && QUESTIONS.contains(path) ? questionCost : 1;
    }
}
