package org.ibvadvisor.eval.bench;

import org.ibvadvisor.eval.metrics.Samples;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.ibvadvisor.embed.Embedder;
import org.ibvadvisor.retrieval.RetrievalSettings;

/**
 * Warm {@code /api/retrieve} latency and throughput of a running advisor, over a list of questions.
 *
 * <ol>
 *   <li>One client, one question at a time, every question {@code rounds} times after a warm-up round: the
 *       server's own {@code timings.totalMs} (and its embed and search parts) and the latency the client sees.</li>
 *   <li>The query embedding alone, embedded as the hybrid embeds it, over the same questions.</li>
 *   <li>{@code clients} concurrent clients for {@code duration}, cycling through the questions: requests a second
 *       and their latency.</li>
 * </ol>
 */
public final class RetrieveBench {
    private final URI server;
    private final Embedder embedder;
    private final List<String> questions;
    private final int rounds;
    private final int clients;
    private final Duration duration;

    public RetrieveBench(URI server, Embedder embedder, List<String> questions, int rounds, int clients, Duration duration) {
        this.server = Objects.requireNonNull(server, "server");
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        if (questions.isEmpty()) throw new IllegalArgumentException("no questions");
        this.questions = List.copyOf(questions);
        this.rounds = rounds;
        this.clients = clients;
        this.duration = duration;
    }

    public record Figures(int questions, Samples serverTotal, Samples serverEmbed, Samples serverSearch, Samples client,
                          Samples embedQuery, LoadGenerator.Result load, int clients) {}

    public Figures measure() {
        List<Double> total = new ArrayList<>(), embed = new ArrayList<>(), search = new ArrayList<>(), client = new ArrayList<>();
        try (ApiClient api = new ApiClient(server, Duration.ofSeconds(30))) {
            for (int round = -1; round < rounds; round++) {
                for (String question : questions) {
                    ApiClient.Reply reply = api.retrieve(question, 10);
                    if (!reply.ok()) throw new IllegalStateException("/api/retrieve answered " + reply.status() + ": " + reply.body());
                    if (round < 0) continue;
                    JsonNode timings = reply.json().path("timings");
                    total.add(timings.path("totalMs").asDouble());
                    embed.add(timings.path("embedMs").asDouble());
                    search.add(timings.path("searchMs").asDouble());
                    client.add(reply.ms());
                }
            }
        }
        List<Double> embedQuery = new ArrayList<>();
        boolean instruction = RetrievalSettings.defaults().queryInstruction();
        for (int round = -1; round < rounds; round++) {
            for (String question : questions) {
                long start = System.nanoTime();
                if (instruction) embedder.embedQuery(question);
                else embedder.embedPassages(List.of(question));
                if (round >= 0) embedQuery.add((System.nanoTime() - start) / 1e6);
            }
        }
        LoadGenerator.Result load = new LoadGenerator(server, clients, Duration.ofSeconds(30)).run((api, clientNo, i) -> {
            String question = questions.get((int) ((clientNo * 7919L + i) % questions.size()));
            ApiClient.Reply reply = api.retrieve(question, 10);
            return reply.ok() ? LoadGenerator.Outcome.ok("retrieve")
                    : LoadGenerator.Outcome.failed("retrieve", reply.status() + " " + reply.body());
        }, Duration.ofSeconds(3), duration);
        return new Figures(questions.size(), Samples.of(total), Samples.of(embed), Samples.of(search), Samples.of(client),
                Samples.of(embedQuery), load, clients);
    }

    public static BenchReport report(Figures f, Machine machine, double loadBefore, String command) {
        Table table = new Table("measure", "p50 ms", "p99 ms", "max ms", "goal");
        table.row("server totalMs (one client)", BenchReport.ms(f.serverTotal().p50()), BenchReport.ms(f.serverTotal().p99()),
                BenchReport.ms(f.serverTotal().max()), "p50 ≤ 4");
        table.row("… embedMs", BenchReport.ms(f.serverEmbed().p50()), BenchReport.ms(f.serverEmbed().p99()),
                BenchReport.ms(f.serverEmbed().max()), "");
        table.row("… searchMs", BenchReport.ms(f.serverSearch().p50()), BenchReport.ms(f.serverSearch().p99()),
                BenchReport.ms(f.serverSearch().max()), "");
        table.row("query embedding alone (as the hybrid embeds it)", BenchReport.ms(f.embedQuery().p50()), BenchReport.ms(f.embedQuery().p99()),
                BenchReport.ms(f.embedQuery().max()), "");
        table.row("client, loopback (one client)", BenchReport.ms(f.client().p50()), BenchReport.ms(f.client().p99()),
                BenchReport.ms(f.client().max()), "p50 ≤ 8, p99 ≤ 20");
        Samples loaded = f.load().all();
        table.row("client, " + f.clients() + " concurrent clients", BenchReport.ms(loaded.p50()), BenchReport.ms(loaded.p99()),
                BenchReport.ms(loaded.max()), "");
        List<String> notes = List.of(
                String.format(Locale.ROOT, "%d eval questions, k = 10, %d samples each for the one-client rows (after a warm-up round).",
                        f.questions(), f.serverTotal().count() / Math.max(1, f.questions())),
                String.format(Locale.ROOT, "Throughput with %d concurrent clients (closed loop, java.net.http.HttpClient, keep-alive, loopback, "
                        + "load generator in the same JVM as the server): **%.0f requests/s** over %.0f s (goal ≥ 200), %d failed.",
                        f.clients(), f.load().perSecond(), f.load().seconds(), f.load().failed()));
        return new BenchReport("retrieve", "Retrieve (`/api/retrieve`)", command, List.of(table), notes, machine, loadBefore,
                Machine.loadAverage(), Instant.now());
    }
}
