package org.ibvadvisor.eval.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.ibvadvisor.cli.ServeCommand;
import org.ibvadvisor.cli.wiring.Advisor;
import org.ibvadvisor.ingest.IngestProgress;
import org.ibvadvisor.testkit.ollama.ChatScript;
import org.ibvadvisor.testkit.openai.StandInOpenAi;

/**
 * Answers a minute through the real advisor ({@code /api/answer}, the whole pipeline) with a pool of 1, 2, 4 …
 * stand-in OpenAI-compatible backends that each stream at a GPU's pace ({@code tokenDelay} a token, at most
 * {@code parallel} answers at once), under a closed loop of clients that keeps every slot busy; and a run in which
 * one backend is killed mid-way, counting what that cost.
 */
public final class LlmPoolBench {

    /** What one run of clients found. */
    public record Run(int backends, double seconds, long generated, long brokeOff, long extractive, long failed) {
        public double answersPerMinute() {
            return (generated + brokeOff) * 60.0 / seconds;
        }
    }

    /** The kill run: before and after the kill, and what was streaming on the killed backend when it died. */
    public record KillRun(Run before, Run after, int streamingAtKill) {}

    private final Path corpus;
    private final Path index;
    private final String embeddingModel;
    private final List<String> questions;
    private final ChatScript answer;
    private final int parallel;

    public LlmPoolBench(Path corpus, Path index, String embeddingModel, List<String> questions, int answerTokens,
                        Duration tokenDelay, int parallel) {
        this.corpus = corpus;
        this.index = index;
        this.embeddingModel = embeddingModel;
        this.questions = List.copyOf(questions);
        this.answer = ChatScript.citingAnswer(answerTokens).tokenDelay(tokenDelay);
        this.parallel = parallel;
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("no questions to ask");
        }
    }

    /** Rounds of {@code seconds} each with {@code backends} backends; one advisor for all rounds. */
    public List<Run> measure(int backends, Duration each, int rounds) {
        try (Pool pool = new Pool(backends)) {
            pool.run(Duration.ofSeconds(5), null); // warm up: connections, JIT, the store
            List<Run> runs = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                runs.add(pool.run(each, null));
            }
            return runs;
        }
    }

    /** {@code backends} backends for {@code total}; the first is killed after a third of it. */
    public KillRun measureKill(int backends, Duration total) {
        try (Pool pool = new Pool(backends)) {
            pool.run(Duration.ofSeconds(5), null);
            Duration beforeKill = total.dividedBy(3);
            AtomicInteger streamingAtKill = new AtomicInteger(-1);
            Run whole = pool.run(total, new Kill(beforeKill, () -> {
                streamingAtKill.set(pool.backends.getFirst().streamingNow());
                pool.backends.getFirst().close();
            }));
            return new KillRun(pool.lastBefore, subtract(whole, pool.lastBefore), streamingAtKill.get());
        }
    }

    private static Run subtract(Run whole, Run before) {
        return new Run(whole.backends() - 1, whole.seconds() - before.seconds(), whole.generated() - before.generated(),
                whole.brokeOff() - before.brokeOff(), whole.extractive() - before.extractive(),
                whole.failed() - before.failed());
    }

    private record Kill(Duration after, Runnable action) {}

    /** N stand-ins and one advisor over them. */
    private final class Pool implements AutoCloseable {
        final List<StandInOpenAi> backends = new ArrayList<>();
        final Path conversations = TempFolders.create("bench-pool-conversations");
        final Advisor advisor;
        Run lastBefore;

        Pool(int count) {
            try {
                List<String> urls = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    StandInOpenAi backend = StandInOpenAi.forBenchmarks(BenchServer.MODEL, answer, parallel);
                    backends.add(backend);
                    urls.add("openai:" + backend.baseUrl() + "#" + BenchServer.MODEL + "@" + parallel);
                }
                List<String> serve = BenchAdvisorMain.serveOptions(List.of("--index", index.toString(), "--corpus",
                        corpus.toString(), "--data", conversations.toString(), "--embedding-model", embeddingModel,
                        "--llm", String.join(",", urls), "--host", "127.0.0.1", "--port", "0"));
                advisor = Advisor.start(ServeCommand.config(serve.toArray(String[]::new)), IngestProgress.NONE);
            } catch (RuntimeException e) {
                backends.forEach(StandInOpenAi::close);
                TempFolders.delete(conversations);
                throw e;
            }
        }

        /** Clients enough to fill every slot and keep two more waiting, for {@code length}. */
        Run run(Duration length, Kill kill) {
            int clients = backends.size() * parallel + 2;
            AtomicLong generated = new AtomicLong();
            AtomicLong brokeOff = new AtomicLong();
            AtomicLong extractive = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            AtomicInteger next = new AtomicInteger();
            long start = System.nanoTime();
            long end = start + length.toNanos();
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                threads.add(Thread.ofPlatform().name("bench-pool-client-" + c).start(() -> {
                    try (ApiClient client = new ApiClient(advisor.uri(), Duration.ofMinutes(3))) {
                        while (System.nanoTime() < end) {
                            String question = questions.get(Math.floorMod(next.getAndIncrement(), questions.size()));
                            ApiClient.Reply reply = client.answer(question, null);
                            if (System.nanoTime() > end) {
                                return; // finished after the end: not counted
                            }
                            if (!reply.ok()) {
                                failed.incrementAndGet();
                                continue;
                            }
                            JsonNode body = reply.json();
                            switch (body.path("mode").asText()) {
                                case "generated" -> (brokeOff(body) ? brokeOff : generated).incrementAndGet();
                                case "extractive" -> extractive.incrementAndGet();
                                default -> failed.incrementAndGet();
                            }
                        }
                    }
                }));
            }
            if (kill != null) {
                sleep(kill.after());
                lastBefore = new Run(backends.size(), kill.after().toNanos() / 1e9, generated.get(), brokeOff.get(),
                        extractive.get(), failed.get());
                kill.action().run();
            }
            threads.forEach(LlmPoolBench::join);
            return new Run(backends.size(), length.toNanos() / 1e9, generated.get(), brokeOff.get(), extractive.get(),
                    failed.get());
        }

        @Override
        public void close() {
            try {
                advisor.close();
            } finally {
                backends.forEach(StandInOpenAi::close);
                TempFolders.delete(conversations);
            }
        }
    }

    private static boolean brokeOff(JsonNode answer) {
        for (JsonNode warning : answer.path("warnings")) {
            String text = warning.asText();
            if (text.contains("回答中途中断") || text.contains("broke off")) {
                return true;
            }
        }
        return false;
    }

    // ---- the report ----

    public static BenchReport report(List<List<Run>> scaling, KillRun kill, int parallel, int answerTokens,
                                     Duration tokenDelay, Machine machine, double loadBefore, String command,
                                     String others) {
        Table table = new Table("backends", "answer slots", "answers/min (median)", "rounds", "× one backend", "goal");
        double one = median(scaling.getFirst());
        for (List<Run> runs : scaling) {
            int backends = runs.getFirst().backends();
            double median = median(runs);
            String goal = switch (backends) {
                case 1 -> "";
                case 2 -> "≥ 1.9×";
                case 4 -> "≥ 3.6×";
                default -> "";
            };
            table.row(backends, backends * parallel, BenchReport.fixed(median, 1), runs.size(),
                    BenchReport.fixed(median / one, 2) + "×", goal);
        }
        if (kill == null) {
            return new BenchReport("llm-pool", "LLM pool: answers per minute with 1, 2 and 4 backends", command,
                    List.of(table), List.of("No kill run (--kill-seconds 0).", "Machine: " + others), machine,
                    loadBefore, Machine.loadAverage(), Instant.now());
        }
        Table killed = new Table("phase", "backends", "seconds", "answers/min", "generated", "broke off mid-stream",
                "extractive (lost before streaming)", "HTTP errors");
        killed.row("before the kill", kill.before().backends(), BenchReport.fixed(kill.before().seconds(), 0),
                BenchReport.fixed(kill.before().answersPerMinute(), 1), kill.before().generated(),
                kill.before().brokeOff(), kill.before().extractive(), kill.before().failed());
        killed.row("after the kill", kill.after().backends(), BenchReport.fixed(kill.after().seconds(), 0),
                BenchReport.fixed(kill.after().answersPerMinute(), 1), kill.after().generated(),
                kill.after().brokeOff(), kill.after().extractive(), kill.after().failed());
        double tokensPerSecond = 1000.0 / Math.max(1, tokenDelay.toMillis());
        List<String> notes = List.of(
                String.format(Locale.ROOT, "Each stand-in backend is an OpenAI-compatible server (testkit's StandInOpenAi,"
                        + " real HTTP and SSE) streaming %d-token answers at %.0f tokens/s, at most %d at once, like one"
                        + " GPU running a 7B model; the advisor's pool sends each backend %d at a time. Clients: a"
                        + " closed loop of backends × %d + 2 asking /api/answer (the whole pipeline: retrieval,"
                        + " generation, checking, the H2 store) on the same machine as the advisor and the stand-ins.",
                        answerTokens, tokensPerSecond, parallel, parallel, parallel),
                "Goal (issue 14): 2 backends ≥ 1.9× and 4 backends ≥ 3.6× the answers a minute of one.",
                "Kill run: " + kill.before().backends() + " backends; after a third of the run the first stand-in is closed"
                        + " (its connections cut, its port refusing): the " + kill.streamingAtKill() + " answers it was"
                        + " streaming broke off mid-stream (they count as generated with a warning: the asker had read"
                        + " their start); a question that had not started streaming must cost nothing — it is retried on"
                        + " another backend, so the extractive column must read 0.",
                "Machine: " + others);
        return new BenchReport("llm-pool", "LLM pool: answers per minute with 1, 2 and 4 backends", command,
                List.of(table, killed), notes, machine, loadBefore, Machine.loadAverage(), Instant.now());
    }

    static double median(List<Run> runs) {
        List<Double> rates = runs.stream().map(Run::answersPerMinute).sorted().toList();
        int n = rates.size();
        return n % 2 == 1 ? rates.get(n / 2) : (rates.get(n / 2 - 1) + rates.get(n / 2)) / 2;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
