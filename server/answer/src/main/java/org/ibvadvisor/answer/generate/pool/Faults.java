package org.ibvadvisor.answer.generate.pool;

import org.ibvadvisor.answer.generate.Generated;
import org.ibvadvisor.answer.generate.GenerationFailure;
import org.ibvadvisor.answer.generate.GenerationOutcome;

/** Which outcomes are the backend's fault (take it out; retry the question elsewhere if nothing was streamed). */
final class Faults {

    private Faults() {
    }

    /**
     * The backend's own failures: refused or unreachable, no such model, a 5xx or 429, a broken stream, no first
     * line or a stall. Not: an answer, a cancel, a 4xx (the request's fault), the total deadline (the answer was
     * long), Busy (its own queue, which the pool never fills).
     */
    static boolean backendFault(GenerationOutcome outcome) {
        return switch (outcome) {
            case Generated generated -> false;
            case GenerationFailure.Unreachable unreachable -> true;
            case GenerationFailure.ModelNotFound missing -> true;
            case GenerationFailure.HttpError http -> http.status() >= 500 || http.status() == 429;
            case GenerationFailure.StreamBroken broken -> true;
            case GenerationFailure.DeadlineExceeded deadline ->
                    deadline.deadline() != GenerationFailure.Deadline.TOTAL;
            case GenerationFailure.Cancelled cancelled -> false;
            case GenerationFailure.Busy busy -> false;
        };
    }

    /** Whether a question that failed this way, before any token reached the asker, may be tried on another backend. */
    static boolean retryable(GenerationOutcome outcome) {
        return backendFault(outcome) || outcome instanceof GenerationFailure.Busy;
    }
}
