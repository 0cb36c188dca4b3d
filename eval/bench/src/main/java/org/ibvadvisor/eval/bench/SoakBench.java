package org.ibvadvisor.eval.bench;

import org.ibvadvisor.eval.metrics.Samples;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.ibvadvisor.testkit.ollama.ChatScript;
import org.ibvadvisor.testkit.ollama.StandInOllama;

/**
 * Minutes of mixed traffic ({@link MixedTraffic}) from many clients against the advisor as its own process
 * ({@link AdvisorProcess#startJvm}: the launcher's JVM options, no rate limit), answering with an instant stand-in
 * Ollama. At the end of every minute the server's heap is read after a
 * full GC ({@code jcmd}), with its resident memory and thread count: a flat heap from the first minutes to the last
 * means nothing accumulates. Every call must succeed.
 */
public final class SoakBench {
    private final Path corpus;
    private final Path index;
    private final String embeddingModel;
    private final List<String> questions;
    private final int clients;
    private final int minutes;
    private final Duration thinkMin;
    private final Duration thinkMax;
    private final Path keptLog;
    private final Consumer<String> progress;

    /**
     * @param thinkMin  shortest pause of a client between two calls
     * @param thinkMax  longest pause (pauses are uniform between the two)
     * @param keptLog   where the server's output is copied when the soak ends
     */
    public SoakBench(Path corpus, Path index, String embeddingModel, List<String> questions, int clients,
                     int minutes, Duration thinkMin, Duration thinkMax, Path keptLog, Consumer<String> progress) {
        this.corpus = Objects.requireNonNull(corpus, "corpus");
        this.index = Objects.requireNonNull(index, "index");
        this.embeddingModel = Objects.requireNonNull(embeddingModel, "embeddingModel");
        this.questions = List.copyOf(questions);
        if (clients < 1 || minutes < 1) throw new IllegalArgumentException("need clients >= 1 and minutes >= 1");
        this.clients = clients;
        this.minutes = minutes;
        this.thinkMin = Objects.requireNonNull(thinkMin, "thinkMin");
        this.thinkMax = Objects.requireNonNull(thinkMax, "thinkMax");
        this.keptLog = Objects.requireNonNull(keptLog, "keptLog");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** One minute's sample, taken at its end. */
    public record Minute(int minute, double heapUsedMb, double heapCommittedMb, double rssMb, long threads) {}

    /**
     * @param after the server 5 s after the load ended, idle, or null when it died
     * @param died  how the server died during the soak, or null when it lived to the end
     */
    public record Figures(int clients, int minutes, Duration thinkMin, Duration thinkMax, LoadGenerator.Result load,
                          List<Minute> samples, long chats, AdvisorProcess.Heap startHeap, double startRssMb,
                          long startThreads, Minute after, String died) {}

    public Figures measure() {
        BenchIndex.ensure(corpus, index, embeddingModel);
        Path work = TempFolders.create("bench-soak");
        try (StandInOllama ollama = StandInOllama.forBenchmarks(BenchServer.MODEL, ChatScript.citingAnswer(60))) {
            List<String> args = List.of("--index", index.toString(), "--corpus", corpus.toString(), "--data",
                    work.resolve("conversations").toString(), "--ollama-url", ollama.baseUrl(), "--model", BenchServer.MODEL,
                    "--embedding-model", embeddingModel);
            try (AdvisorProcess server = AdvisorProcess.startJvm(args, work.resolve("serve.log"), Duration.ofMinutes(2))) {
                AdvisorProcess.Heap startHeap = server.heapAfterFullGc();
                double startRss = server.rssMb();
                long startThreads = server.threads();
                Map<Integer, Minute> samples = new ConcurrentHashMap<>();
                LoadGenerator load = new LoadGenerator(server.uri(), clients, Duration.ofSeconds(120), thinkMin, thinkMax);
                LoadGenerator.Result result = load.run(new MixedTraffic(questions, clients), Duration.ofSeconds(10),
                        Duration.ofMinutes(minutes), second -> {
                            if (!server.alive()) {
                                load.stop("the server died after " + second + " s: " + server.death());
                                return;
                            }
                            if (second % 60 != 0) return;
                            int minute = (int) (second / 60);
                            Minute sample;
                            try {
                                AdvisorProcess.Heap heap = server.heapAfterFullGc();
                                sample = new Minute(minute, heap.usedMb(), heap.committedMb(), server.rssMb(), server.threads());
                            } catch (RuntimeException e) {
                                if (!server.alive()) load.stop("the server died after " + second + " s: " + server.death());
                                else progress.accept("minute " + minute + ": could not sample the server: " + e.getMessage());
                                return;
                            }
                            samples.put(minute, sample);
                            progress.accept(String.format(Locale.ROOT, "minute %d: heap after GC %.1f MB, RSS %.0f MB, %d threads",
                                    minute, sample.heapUsedMb(), sample.rssMb(), sample.threads()));
                        });
                if (load.stopped() != null) progress.accept(load.stopped());
                Minute after = null;
                if (server.alive()) {
                    sleep(Duration.ofSeconds(5));
                    AdvisorProcess.Heap heap = server.heapAfterFullGc();
                    after = new Minute(minutes, heap.usedMb(), heap.committedMb(), server.rssMb(), server.threads());
                }
                keep(server.log());
                List<Minute> ordered = new ArrayList<>(samples.values());
                ordered.sort(java.util.Comparator.comparingInt(Minute::minute));
                return new Figures(clients, minutes, thinkMin, thinkMax, result, ordered, ollama.chatsAnswered(), startHeap, startRss,
                        startThreads, after, load.stopped());
            }
        } finally {
            TempFolders.delete(work);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void keep(Path log) {
        try {
            java.nio.file.Files.createDirectories(keptLog.toAbsolutePath().getParent());
            java.nio.file.Files.copy(log, keptLog, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            progress.accept("could not keep the server's log: " + e);
        }
    }

    public static BenchReport report(Figures f, Machine machine, double loadBefore, String command) {
        Table calls = new Table("calls", "count", "failed", "503 busy", "p50 ms", "p99 ms", "max ms");
        f.load().latencies().forEach((kind, samples) -> calls.row(kind, samples.count(),
                kind.equals("all") ? f.load().failed() : f.load().failures().getOrDefault(kind, 0L),
                kind.equals("all") ? f.load().refused() : f.load().busy().getOrDefault(kind, 0L),
                BenchReport.ms(samples.p50()), BenchReport.ms(samples.p99()), BenchReport.ms(samples.max())));
        Table minutes = new Table("minute", "heap after full GC MB", "heap committed MB", "RSS MB", "threads");
        minutes.row("start (before load)", BenchReport.fixed(f.startHeap().usedMb(), 1),
                BenchReport.fixed(f.startHeap().committedMb(), 0), BenchReport.fixed(f.startRssMb(), 0), f.startThreads());
        for (Minute m : f.samples()) {
            minutes.row(m.minute(), BenchReport.fixed(m.heapUsedMb(), 1), BenchReport.fixed(m.heapCommittedMb(), 0),
                    BenchReport.fixed(m.rssMb(), 0), m.threads());
        }
        if (f.after() != null) {
            minutes.row("after (idle, 5 s later)", BenchReport.fixed(f.after().heapUsedMb(), 1),
                    BenchReport.fixed(f.after().heapCommittedMb(), 0), BenchReport.fixed(f.after().rssMb(), 0), f.after().threads());
        }
        List<String> notes = new ArrayList<>();
        if (f.died() != null) notes.add("**The server died during the soak**: " + f.died());
        notes.add(String.format(Locale.ROOT, "%d clients for %d minutes (after 10 s of warm-up), each pausing %d–%d ms between calls: "
                + "%d calls (%.0f/s), **%d failed**, %d refused with 503 and Retry-After (too many answers being generated at "
                + "once: the server shedding load as designed; the client then waited as asked); the stand-in Ollama answered %d "
                + "chats.", f.clients(), f.minutes(), f.thinkMin().toMillis(), f.thinkMax().toMillis(), f.load().calls(),
                f.load().perSecond(), f.load().failed(), f.load().refused(), f.chats()));
        if (f.samples().size() >= 2) {
            int third = Math.max(1, f.samples().size() / 3);
            Samples first = Samples.of(f.samples().subList(0, third).stream().map(Minute::heapUsedMb).toList());
            Samples last = Samples.of(f.samples().subList(f.samples().size() - third, f.samples().size()).stream()
                    .map(Minute::heapUsedMb).toList());
            notes.add(String.format(Locale.ROOT, "Heap after a full GC under load (what in-flight requests hold included): "
                    + "%.0f–%.0f MB over the first %d minutes, %.0f–%.0f MB over the last %d; RSS peaked at %.0f MB.",
                    first.min(), first.max(), third, last.min(), last.max(), third,
                    f.samples().stream().mapToDouble(Minute::rssMb).max().orElse(Double.NaN)));
        }
        if (f.after() != null) {
            notes.add(String.format(Locale.ROOT, "Idle before the load %.1f MB of heap after a full GC, idle after it %.1f MB (%+.1f MB: "
                    + "the conversations stored meanwhile, H2's page cache, compiled code's data); %d threads before, %d after.",
                    f.startHeap().usedMb(), f.after().heapUsedMb(), f.after().heapUsedMb() - f.startHeap().usedMb(),
                    f.startThreads(), f.after().threads()));
        }
        f.load().problems().stream().limit(5).forEach(problem -> notes.add("Failure: " + problem));
        return new BenchReport("soak", "Soak (mixed traffic)", command, List.of(calls, minutes), notes, machine, loadBefore,
                Machine.loadAverage(), Instant.now());
    }
}
