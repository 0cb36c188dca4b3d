package org.ibvadvisor.http;

import java.util.Objects;

/**
 * Maps an exception type of a collaborator (and its subtypes) to an HTTP status; the exception's message
 * becomes the JSON error.
 *
 * @param type   the exception type
 * @param status a 4xx or 5xx status
 */
public record ErrorStatus(Class<? extends RuntimeException> type, int status) {
    public ErrorStatus {
        Objects.requireNonNull(type, "type");
        if (status < 400 || status > 599) throw new IllegalArgumentException("status must be 4xx or 5xx, was " + status);
    }
}
