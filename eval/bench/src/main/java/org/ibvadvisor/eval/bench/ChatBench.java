package org.ibvadvisor.eval.bench;

import org.ibvadvisor.eval.metrics.Samples;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.ibvadvisor.testkit.ollama.ChatScript;
import org.ibvadvisor.testkit.ollama.StandInOllama;

/**
 * {@code /api/chat} against an Ollama that answers at once, so that every millisecond measured is the advisor's.
 *
 * <ol>
 *   <li>Time before the first token: each question asked once per round in a new conversation, one at a time;
 *       the server's {@code timings.firstTokenMs} (from the answer pipeline's start) and the client's time from
 *       sending the request to the first {@code token} event.</li>
 *   <li>Stream throughput: a long answer read straight from the stand-in (NDJSON) and through the advisor (SSE),
 *       in tokens a second.</li>
 * </ol>
 */
public final class ChatBench {
    private final InProcessServer server;
    private final List<String> questions;
    private final int rounds;
    private final int longAnswerTokens;

    public ChatBench(InProcessServer server, List<String> questions, int rounds, int longAnswerTokens) {
        this.server = Objects.requireNonNull(server, "server");
        if (questions.isEmpty()) throw new IllegalArgumentException("no questions");
        this.questions = List.copyOf(questions);
        this.rounds = rounds;
        this.longAnswerTokens = longAnswerTokens;
    }

    /**
     * @param serverFirstToken   the server's firstTokenMs of generated answers
     * @param clientFirstToken   the client's time to the first token event of generated answers
     * @param serverRetrieve     the server's retrieveMs of generated answers
     * @param modes              answers by mode (generated, extractive, refused)
     * @param shortTokens        tokens of the answer used for the latency rows
     * @param standInTokensPerS  tokens a second read straight from the stand-in
     * @param serverTokensPerS   tokens a second read through the advisor
     */
    public record Figures(Samples serverFirstToken, Samples clientFirstToken, Samples serverRetrieve, Samples clientTotal,
                          Map<String, Integer> modes, int shortTokens, int longTokens, Samples standInTokensPerS,
                          Samples serverTokensPerS) {}

    public Figures measure() {
        List<Double> serverFirst = new ArrayList<>(), clientFirst = new ArrayList<>(), retrieve = new ArrayList<>(), total = new ArrayList<>();
        Map<String, Integer> modes = new TreeMap<>();
        int shortTokens = server.answerTokens();
        try (ApiClient api = new ApiClient(server.uri(), Duration.ofSeconds(60))) {
            for (int round = -1; round < rounds; round++) {
                for (String question : questions) {
                    ApiClient.Streamed chat = api.chat(question, null);
                    if (!chat.ok()) throw new IllegalStateException("/api/chat failed: " + chat.status() + " " + chat.error());
                    if (round < 0) continue;
                    String mode = chat.done().path("mode").asText();
                    modes.merge(mode, 1, Integer::sum);
                    if (!mode.equals("generated")) continue;
                    JsonNode timings = chat.done().path("timings");
                    serverFirst.add(timings.path("firstTokenMs").asDouble());
                    retrieve.add(timings.path("retrieveMs").asDouble());
                    clientFirst.add(chat.firstTokenMs());
                    total.add(chat.totalMs());
                }
            }

            server.ollama().onChat(ChatScript.citingAnswer(longAnswerTokens));
            List<Double> standIn = new ArrayList<>(), through = new ArrayList<>();
            String question = questions.getFirst();
            for (int run = -1; run < 5; run++) {
                double direct = standInTokensPerSecond(server.ollama());
                ApiClient.Streamed chat = api.chat(question, null);
                if (!chat.ok() || chat.tokens() < longAnswerTokens) {
                    throw new IllegalStateException("long /api/chat gave " + chat.tokens() + " tokens: " + chat.error());
                }
                if (run < 0) continue;
                standIn.add(direct);
                through.add(chat.tokens() / ((chat.totalMs() - chat.firstTokenMs()) / 1000));
            }
            server.ollama().onChat(ChatScript.citingAnswer(shortTokens));
            return new Figures(Samples.of(serverFirst), Samples.of(clientFirst), Samples.of(retrieve), Samples.of(total), modes,
                    shortTokens, longAnswerTokens, Samples.of(standIn), Samples.of(through));
        }
    }

    /** Reads one streamed answer straight from the stand-in: tokens a second from its first line to its last. */
    static double standInTokensPerSecond(StandInOllama ollama) {
        String body = "{\"model\":\"" + BenchServer.MODEL + "\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"问\"}]}";
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(ollama.baseUrl() + "/api/chat"))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                long first = 0;
                int tokens = 0;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.contains("\"done\":true")) break;
                    JsonNode chunk = ApiClient.JSON.readTree(line);
                    chunk.path("message").path("content").asText();
                    if (tokens++ == 0) first = System.nanoTime();
                }
                return tokens / ((System.nanoTime() - first) / 1e9);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static BenchReport report(Figures f, Machine machine, double loadBefore, String command) {
        Table latency = new Table("measure (generated answers)", "p50 ms", "p99 ms", "max ms", "goal");
        latency.row("server: first token (timings.firstTokenMs)", BenchReport.ms(f.serverFirstToken().p50()),
                BenchReport.ms(f.serverFirstToken().p99()), BenchReport.ms(f.serverFirstToken().max()), "p50 ≤ 15");
        latency.row("… of which retrieval (timings.retrieveMs)", BenchReport.ms(f.serverRetrieve().p50()),
                BenchReport.ms(f.serverRetrieve().p99()), BenchReport.ms(f.serverRetrieve().max()), "");
        latency.row("client: request sent → first token event", BenchReport.ms(f.clientFirstToken().p50()),
                BenchReport.ms(f.clientFirstToken().p99()), BenchReport.ms(f.clientFirstToken().max()), "");
        latency.row("client: whole answer (" + f.shortTokens() + " tokens)", BenchReport.ms(f.clientTotal().p50()),
                BenchReport.ms(f.clientTotal().p99()), BenchReport.ms(f.clientTotal().max()), "");
        Table stream = new Table("stream of " + f.longTokens() + " tokens", "median tokens/s", "min", "max");
        stream.row("straight from the instant stand-in (NDJSON)", BenchReport.fixed(f.standInTokensPerS().median(), 0),
                BenchReport.fixed(f.standInTokensPerS().min(), 0), BenchReport.fixed(f.standInTokensPerS().max(), 0));
        stream.row("through the advisor (/api/chat SSE)", BenchReport.fixed(f.serverTokensPerS().median(), 0),
                BenchReport.fixed(f.serverTokensPerS().min(), 0), BenchReport.fixed(f.serverTokensPerS().max(), 0));
        List<String> notes = List.of(
                String.format(Locale.ROOT, "Answers by mode: %s; the latency rows count generated answers only (%d).",
                        f.modes(), f.serverFirstToken().count()),
                "The stand-in Ollama (testkit's StandInOllama, in the same JVM) writes every token at once; the advisor runs its full "
                        + "pipeline (conversation store, condense, retrieve, decide, prompt, Ollama client over HTTP, check).",
                String.format(Locale.ROOT, "A real Ollama on a GPU streams some 30–150 tokens/s; the advisor relays %.0f tokens/s, "
                        + "so the stream is not limited by the server.", f.serverTokensPerS().median()));
        return new BenchReport("chat", "Chat (`/api/chat`, instant stand-in Ollama)", command, List.of(latency, stream), notes,
                machine, loadBefore, Machine.loadAverage(), Instant.now());
    }
}
