package org.ibvadvisor.cli.wiring;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.ibvadvisor.answer.generate.Generator;
import org.ibvadvisor.answer.generate.pool.BackendProbe;
import org.ibvadvisor.answer.generate.pool.BackendView;
import org.ibvadvisor.answer.generate.pool.GeneratorPool;
import org.ibvadvisor.answer.generate.pool.PoolMember;
import org.ibvadvisor.llm.ollama.OllamaGenerator;
import org.ibvadvisor.llm.ollama.OllamaHealth;
import org.ibvadvisor.llm.openai.OpenAiGenerator;
import org.ibvadvisor.llm.openai.OpenAiHealth;

/**
 * The advisor's LLM as configured: one Ollama generator (the default, as it always was), or a {@link GeneratorPool}
 * over every backend. Gives the generator, the model name, a health probe and, for a pool, each backend's state.
 */
public final class Llm implements AutoCloseable {

    /** What a probe found, as {@code /api/health} shows it: {@code ready}, {@code unreachable}, {@code model-missing}. */
    public record State(String status, String message) {}

    private final LlmSettings settings;
    private final Generator generator;
    private final AutoCloseable closing;
    private final List<Supplier<State>> probes;
    private final GeneratorPool pool;

    private Llm(LlmSettings settings, Generator generator, AutoCloseable closing, List<Supplier<State>> probes,
                GeneratorPool pool) {
        this.settings = settings;
        this.generator = generator;
        this.closing = closing;
        this.probes = probes;
        this.pool = pool;
    }

    /** Opens the generator(s); nothing is contacted yet. */
    public static Llm open(LlmSettings settings) {
        if (!settings.pooled()) {
            OllamaGenerator ollama = new OllamaGenerator(settings.singleOllama());
            return new Llm(settings, ollama, ollama, List.of(() -> state(ollama.probe())), null);
        }
        List<PoolMember> members = new ArrayList<>();
        List<Supplier<State>> probes = new ArrayList<>();
        try {
            for (LlmBackend backend : settings.backends()) {
                switch (backend) {
                    case LlmBackend.Ollama o -> {
                        // the pool queues: each backend takes only what it can stream at once
                        OllamaGenerator generator = new OllamaGenerator(o.settings()
                                .withConcurrency(o.concurrency(), 0));
                        members.add(new PoolMember(backend.name(), backend.model(), backend.concurrency(), generator,
                                () -> {
                                    OllamaHealth health = generator.probe();
                                    return result(health.ready(), health.message());
                                }));
                        probes.add(() -> state(generator.probe()));
                    }
                    case LlmBackend.OpenAi o -> {
                        OpenAiGenerator generator = new OpenAiGenerator(o.settings()
                                .withConcurrency(o.concurrency(), 0));
                        members.add(new PoolMember(backend.name(), backend.model(), backend.concurrency(), generator,
                                () -> {
                                    OpenAiHealth health = generator.probe();
                                    return result(health.ready(), health.message());
                                }));
                        probes.add(() -> state(generator.probe()));
                    }
                }
            }
        } catch (RuntimeException e) {
            members.forEach(member -> closeQuietly(member.generator()));
            throw e;
        }
        GeneratorPool pool = new GeneratorPool(members, settings.pool());
        return new Llm(settings, pool, pool, probes, pool);
    }

    public Generator generator() {
        return generator;
    }

    /** The model answers name. */
    public String model() {
        return settings.model();
    }

    public LlmSettings settings() {
        return settings;
    }

    /** Whether the backends go through a pool (and {@link #backends()} lists them). */
    public boolean pooled() {
        return pool != null;
    }

    /** The pool's backends as they are now; empty for one Ollama backend. */
    public List<BackendView> backends() {
        return pool == null ? List.of() : pool.backends();
    }

    /**
     * Probes every backend (in parallel; each waits at most a few seconds): one Ollama backend's own state, or for a
     * pool {@code ready} when at least one backend is, with every backend's message.
     */
    public State probe() {
        if (probes.size() == 1) {
            return probes.getFirst().get();
        }
        List<CompletableFuture<State>> running = probes.stream()
                .map(probe -> CompletableFuture.supplyAsync(probe::get, r -> Thread.ofVirtual().start(r))).toList();
        List<State> states = running.stream().map(CompletableFuture::join).toList();
        long ready = states.stream().filter(s -> s.status().equals("ready")).count();
        String status = ready > 0 ? "ready" : states.getFirst().status();
        String message = ready + " of " + states.size() + " LLM backends ready: "
                + String.join("; ", states.stream().map(State::message).toList());
        return new State(status, message);
    }

    @Override
    public void close() {
        closeQuietly(closing);
    }

    private static BackendProbe.Result result(boolean ready, String message) {
        return new BackendProbe.Result(ready, message);
    }

    private static State state(OllamaHealth health) {
        return new State(switch (health) {
            case OllamaHealth.Ready r -> "ready";
            case OllamaHealth.Unreachable u -> "unreachable";
            case OllamaHealth.ModelMissing m -> "model-missing";
        }, health.message());
    }

    private static State state(OpenAiHealth health) {
        return new State(switch (health) {
            case OpenAiHealth.Ready r -> "ready";
            case OpenAiHealth.Unreachable u -> "unreachable";
            case OpenAiHealth.ModelMissing m -> "model-missing";
        }, health.message());
    }

    private static void closeQuietly(Object resource) {
        if (resource instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing anyway
            }
        }
    }
}
