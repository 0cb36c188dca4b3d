package org.ibvadvisor.cli.wiring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.ibvadvisor.answer.generate.pool.BackendView;
import org.ibvadvisor.http.HealthInfo;
import org.ibvadvisor.index.IndexInfo;

/**
 * Health as {@code GET /api/health} shows it: the index's counts and the LLM's state. The LLM is probed in the
 * background at most every {@code probeEvery}; a request never waits for a probe. With a pool of backends (more than
 * one, or one that is not Ollama) it also lists each backend's state, answers in flight and last error under
 * {@code backends} — operator detail, shown to every caller for now (the accounts work will keep it to admins).
 */
final class AdvisorHealth implements HealthInfo {
    private final IndexInfo index;
    private final String embeddingModel;
    private final String llmModel;
    private final Supplier<Llm.State> probe;
    private final Supplier<List<BackendView>> backends;
    private final Duration probeEvery;
    private final Clock clock;
    private final AtomicReference<Llm.State> llm = new AtomicReference<>();
    private final AtomicReference<Instant> probedAt = new AtomicReference<>(Instant.EPOCH);
    private final AtomicBoolean probing = new AtomicBoolean();

    AdvisorHealth(IndexInfo index, Llm llm, Duration probeEvery, Clock clock) {
        this(index, llm.model(), llm::probe, llm.pooled() ? llm::backends : null, probeEvery, clock);
    }

    /** {@code backends} null: no backend list (one Ollama backend, as the advisor always had). */
    AdvisorHealth(IndexInfo index, String llmModel, Supplier<Llm.State> probe, Supplier<List<BackendView>> backends,
                  Duration probeEvery, Clock clock) {
        this.index = index;
        this.embeddingModel = index.settings().modelId();
        this.llmModel = llmModel;
        this.probe = probe;
        this.backends = backends;
        this.probeEvery = probeEvery;
        this.clock = clock;
    }

    @Override
    public Health current() {
        refreshIfStale();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("embeddingModel", embeddingModel);
        Llm.State state = llm.get();
        details.put("llm", state == null ? Map.of("status", "unknown")
                : Map.of("status", state.status(), "message", state.message()));
        if (backends != null) {
            details.put("backends", backends.get().stream().map(AdvisorHealth::backend).toList());
        }
        return new Health(index.reportHashes().size(), index.chunkCount(), llmModel, details);
    }

    /** The latest probe, or {@code null} before the first one finished. */
    Llm.State llm() {
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

    private static Map<String, Object> backend(BackendView view) {
        Map<String, Object> backend = new LinkedHashMap<>();
        backend.put("name", view.name());
        backend.put("model", view.model());
        backend.put("state", view.state().label());
        backend.put("inFlight", view.inFlight());
        backend.put("concurrency", view.concurrency());
        backend.put("answered", view.answered());
        backend.put("failed", view.failed());
        backend.put("lastError", view.lastError());
        backend.put("lastErrorAt", view.lastErrorAt() == null ? null : view.lastErrorAt().toString());
        backend.put("lastFirstTokenMs", view.lastFirstToken() == null ? null : view.lastFirstToken().toMillis());
        return backend;
    }
}
