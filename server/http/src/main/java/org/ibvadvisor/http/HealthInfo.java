package org.ibvadvisor.http;

import java.util.Map;
import java.util.Objects;

/** What the server says about itself on {@code GET /api/health}. Called on every request: keep it quick. */
public interface HealthInfo {

    Health current();

    /**
     * @param reports how many reports are indexed
     * @param chunks  how many chunks are indexed
     * @param model   the LLM answers are generated with (as configured, reachable or not)
     * @param details further fields added to the JSON as they are (e.g. {@code "llm" -> {"status": "unreachable"}});
     *                values are strings, numbers, booleans, lists or maps of these
     */
    record Health(int reports, int chunks, String model, Map<String, Object> details) {
        public Health {
            Objects.requireNonNull(model, "model");
            details = Map.copyOf(details);
        }
    }
}
