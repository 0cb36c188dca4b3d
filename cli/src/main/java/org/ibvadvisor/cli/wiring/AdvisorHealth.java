package org.ibvadvisor.cli.wiring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.ibvadvisor.llm.ollama.OllamaHealth;
import org.ibvadvisor.http.HealthInfo;
import org.ibvadvisor.index.IndexInfo;

/**
 * Health as {@code GET /api/health} shows it: the index's counts and the LLM's state. The LLM is probed in the
 * background at most every {@code probeEvery}; a request never waits for a probe.
 */
final class AdvisorHealth implements HealthInfo {
    private final IndexInfo index;
    private final String embeddingModel;
    private final String llmModel;
    private final Supplier<OllamaHealth> probe;
    private final Duration probeEvery;
    private final Clock clock;
    private final AtomicReference<OllamaHealth> llm = new AtomicReference<>();
    private final AtomicReference<Instant> probedAt = new AtomicReference<>(Instant.EPOCH);
    private final AtomicBoolean probing = new AtomicBoolean();

    AdvisorHealth(IndexInfo index, String llmModel, Supplier<OllamaHealth> probe, Duration probeEvery, Clock clock) {
        this.index = index;
        this.embeddingModel = index.settings().modelId();
        this.llmModel = llmModel;
        this.probe = probe;
        this.probeEvery = probeEvery;
        this.clock = clock;
    }

    @Override
    public Health current() {
        refreshIfStale();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("embeddingModel", embeddingModel);
        OllamaHealth state = llm.get();
        details.put("llm", state == null ? Map.of("status", "unknown")
                : Map.of("status", status(state), "message", state.message()));
        return new Health(index.reportHashes().size(), index.chunkCount(), llmModel, details);
    }

    /** The latest probe, or {@code null} before the first one finished. */
    OllamaHealth llm() {
        return llm.get();
    }

    private void refreshIfStale() {
        if (clock.instant().isBefore(probedAt.get().plus(probeEvery)) || !probing.compareAndSet(false, true)) return;
        Thread.ofVirtual().name("llm-probe").start(() -> {
            try {
                llm.set(probe.get());
            } finally {
                probedAt.set(clock.instant());
                probing.set(false);
            }
        });
    }

    private static String status(OllamaHealth state) {
        return switch (state) {
            case OllamaHealth.Ready r -> "ready";
            case OllamaHealth.Unreachable u -> "unreachable";
            case OllamaHealth.ModelMissing m -> "model-missing";
        };
    }
}
