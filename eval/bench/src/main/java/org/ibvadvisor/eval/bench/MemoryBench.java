package org.ibvadvisor.eval.bench;

import org.ibvadvisor.eval.metrics.Samples;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.ibvadvisor.testkit.ollama.ChatScript;
import org.ibvadvisor.testkit.ollama.StandInOllama;

/**
 * Start-up time and resident memory of {@code ./advisor serve} as its own process, over an existing index:
 * {@code rounds} starts timed from the launcher to the first 200 of {@code /api/health}; then one server under
 * mixed load (retrieve, answer, chat against an instant stand-in Ollama) for {@code loadDuration}, its resident
 * memory read from {@code /proc} before and after, and its heap after a full GC.
 */
public final class MemoryBench {
    private final Path launcher;
    private final Path corpus;
    private final Path index;
    private final String embeddingModel;
    private final List<String> questions;
    private final int rounds;
    private final int clients;
    private final Duration loadDuration;

    public MemoryBench(Path launcher, Path corpus, Path index, String embeddingModel, List<String> questions, int rounds,
                       int clients, Duration loadDuration) {
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.corpus = Objects.requireNonNull(corpus, "corpus");
        this.index = Objects.requireNonNull(index, "index");
        this.embeddingModel = Objects.requireNonNull(embeddingModel, "embeddingModel");
        this.questions = List.copyOf(questions);
        this.rounds = rounds;
        this.clients = clients;
        this.loadDuration = Objects.requireNonNull(loadDuration, "loadDuration");
    }

    public record Figures(Samples ready, Samples reportedReady, double idleRssMb, double loadedRssMb, double peakRssMb,
                          AdvisorProcess.Heap heap, long threads, int clients, LoadGenerator.Result load,
                          String javaOptions) {}

    public Figures measure() {
        BenchIndex.ensure(corpus, index, embeddingModel);
        Path work = TempFolders.create("bench-memory");
        try (StandInOllama ollama = StandInOllama.forBenchmarks(BenchServer.MODEL, ChatScript.citingAnswer(40))) {
            List<String> args = List.of("--index", index.toString(), "--corpus", corpus.toString(), "--data",
                    work.resolve("conversations").toString(), "--ollama-url", ollama.baseUrl(), "--model", BenchServer.MODEL,
                    "--rate-limit", "0", "--embedding-model", embeddingModel);
            List<Double> ready = new ArrayList<>(), reported = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                try (AdvisorProcess server = AdvisorProcess.start(launcher, args, "", work.resolve("serve-" + round + ".log"),
                        Duration.ofMinutes(2))) {
                    ready.add(server.readySeconds());
                    reported.add(server.reportedReadySeconds());
                }
            }
            try (AdvisorProcess server = AdvisorProcess.start(launcher, args, "", work.resolve("serve-load.log"),
                    Duration.ofMinutes(2))) {
                double idle = server.rssMb();
                LoadGenerator.Result load = new LoadGenerator(server.uri(), clients, Duration.ofSeconds(60))
                        .run(new MixedTraffic(questions, clients), Duration.ofSeconds(5), loadDuration);
                double loaded = server.rssMb();
                double peak = server.peakRssMb();
                long threads = server.threads();
                AdvisorProcess.Heap heap = server.heapAfterFullGc();
                return new Figures(Samples.of(ready), Samples.of(reported), idle, loaded, peak, heap, threads, clients, load,
                        String.join(" ", server.memoryFlags()));
            }
        } finally {
            TempFolders.delete(work);
        }
    }

    public static BenchReport report(Figures f, Machine machine, double loadBefore, String command) {
        Table start = new Table("start-up (existing index)", "median s", "min s", "max s", "goal");
        start.row("./advisor serve → /api/health 200", BenchReport.fixed(f.ready().median(), 2),
                BenchReport.fixed(f.ready().min(), 2), BenchReport.fixed(f.ready().max(), 2), "≤ 2 s");
        start.row("… as the server reports it (JVM start → ready)", BenchReport.fixed(f.reportedReady().median(), 2),
                BenchReport.fixed(f.reportedReady().min(), 2), BenchReport.fixed(f.reportedReady().max(), 2), "");
        Table memory = new Table("memory of the server process", "MB", "goal");
        memory.row("resident (VmRSS) after start, idle", BenchReport.fixed(f.idleRssMb(), 0), "");
        memory.row("resident (VmRSS) after the load", BenchReport.fixed(f.loadedRssMb(), 0), "≤ 500");
        memory.row("peak resident (VmHWM)", BenchReport.fixed(f.peakRssMb(), 0), "");
        memory.row("Java heap used after a full GC", BenchReport.fixed(f.heap().usedMb(), 0), "");
        memory.row("Java heap committed after a full GC", BenchReport.fixed(f.heap().committedMb(), 0), "");
        List<String> notes = List.of(
                String.format(Locale.ROOT, "%d timed starts, each a new process through the launcher (its build check included).",
                        f.ready().count()),
                String.format(Locale.ROOT, "Load before the memory reading: %d clients of mixed traffic (retrieve, answer, chat with "
                        + "follow-ups, conversations, feedback) for %.0f s: %d calls, %d failed; %d threads in the server after.",
                        f.clients(), f.load().seconds(), f.load().calls(),
                        f.load().failed(), f.threads()),
                "Memory and GC options of the server JVM (from the launcher): `" + f.javaOptions() + "`.");
        return new BenchReport("memory", "Memory and start-up", command, List.of(start, memory), notes, machine, loadBefore,
                Machine.loadAverage(), Instant.now());
    }
}
