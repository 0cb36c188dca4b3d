package org.ibvadvisor.answer.generate.pool;

import java.util.Objects;

/** Asks one backend whether it can answer now (its server answers and serves the model); blocks briefly. */
@FunctionalInterface
public interface BackendProbe {

    /** Never throws for a failure of the backend: it is reported as a result that is not ready. */
    Result probe();

    /** What the probe found; {@code message} is for the operator (address, model, what is wrong and the fix). */
    record Result(boolean ready, String message) {
        public Result {
            Objects.requireNonNull(message, "message");
        }
    }
}
