package org.ibvadvisor.answer;

/** Too many answers are being generated at once; retry after {@link #retryAfterSeconds()}. */
public class AnswererBusyException extends RuntimeException {
    private final int retryAfterSeconds;

    public AnswererBusyException(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
