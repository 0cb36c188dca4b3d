package org.ibvadvisor.http;

import java.util.Map;

/** A client's mistake (or a refusal) with the status and message to answer it with. */
final class ApiException extends RuntimeException {
    private final int status;
    private final Map<String, String> headers;

    ApiException(int status, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    ApiException(int status, String message) {
        this(status, message, Map.of());
    }

    int status() {
        return status;
    }

    Map<String, String> headers() {
        return headers;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, message);
    }
}
