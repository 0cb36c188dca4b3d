package org.ibvadvisor.contract;

import static org.ibvadvisor.contract.Call.chat;
import static org.ibvadvisor.contract.Call.get;
import static org.ibvadvisor.contract.Call.json;
import static org.ibvadvisor.contract.Call.messages;
import static org.ibvadvisor.contract.Call.post;
import static org.ibvadvisor.contract.Call.send;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.ibvadvisor.testkit.ollama.StandInOllama;
import org.ibvadvisor.cli.wiring.Advisor;
import org.ibvadvisor.cli.wiring.AdvisorHttp;
import org.ibvadvisor.cli.wiring.StandInAnswers;
import org.ibvadvisor.cli.wiring.TestAdvisors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public contract, recorded: a fixed list of requests to {@code /api/*} and {@code /v1/*} and the responses the
 * real advisor gave them (status, {@code Content-Type}, body), compared byte for byte after normalization.
 *
 * <h2>What it checks</h2>
 * The real advisor ({@link Advisor}, port 0) over the real index of the bundled corpus, twice: {@code no-llm} with
 * no reachable Ollama (extractive and refused answers, bad input, conversations, reports) and {@code stand-in-llm}
 * with the stand-in Ollama writing a deterministic answer that cites [1] and states a figure ({@link StandInAnswers})
 * so that {@code mode: generated} answers, streams, follow-ups and {@code /v1} are covered. Each request has one
 * golden file, {@code cli/src/test/resources/contract/<suite>/<nn>-<name>.json}: the request, then the response,
 * its JSON in the server's field order. Only volatile values are replaced, by placeholders ({@link Normalizer}):
 * timings, random ids (consistently: {@code <conversation-1>} is the same conversation everywhere), timestamps, the
 * stand-in's port; scores and confidences are rounded to 4 decimals, since their last digits vary from JVM to JVM
 * (see {@link Normalizer}). Anything else that changes — a field renamed, moved, added or dropped, a status, a content type,
 * a message, an event — fails the test, which lists every request whose response differs with a diff (the live
 * renderings are written to {@code cli/target/contract-actual/} for a full {@code diff -r}).
 *
 * <h2>Re-recording</h2>
 * <pre>
 * mvn -B -q -pl server -am test -Dtest=ContractSnapshotTest -Dsurefire.failIfNoSpecifiedTests=false -Dcontract.record=true
 * </pre>
 * rewrites every golden file from the current code. That is legitimate ONLY for a deliberate, documented extension
 * of the contract (a new field, a new route, a new request added to the lists below), committed together with the
 * change and the README's API table, and reviewed as a contract diff. Never re-record to make a refactor pass: a
 * refactor that changes a golden file has changed the public contract.
 */
class ContractSnapshotTest {
    private static final boolean RECORD = Boolean.getBoolean("contract.record");
    private static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    private static final Path GOLDEN = MODULE.resolve("src/test/resources/contract");
    private static final Path ACTUAL = MODULE.resolve("target/contract-actual");

    private static final String COMPUTE_COST = "预计 2023 年至 2025 年间，平均计算成本将攀升多少？";
    private static final String REVENUE = "到 2026 年，全球 2000 强企业的收入有多大比例会来自数字产品、服务和体验？";
    private static final String ENGLISH = "What share of executives say their organization has the in-house expertise "
            + "to apply generative AI to innovation?";
    private static final String OFF_CORPUS = "2031 年全球 AI 基础设施支出是多少美元？";
    private static final String FOLLOW_UP = "那主要原因是什么？";
    private static final String INFRASTRUCTURE = "有多少高管认为现有基础设施能完全满足 AI 需求？";

    /** Without an LLM: extractive and refused answers, conversations, reports, /v1/models and bad input. */
    private static final List<Call> NO_LLM = List.of(
            get("health", "/api/health").unorderedKeys("", 4).unorderedKeys("/llm", 0),
            get("reports", "/api/reports"),
            get("report-text", "/api/reports/genai-compute-economics/text").digested(),
            post("retrieve-zh", "/api/retrieve", json("query", COMPUTE_COST)),
            post("retrieve-en", "/api/retrieve", json("query", ENGLISH)),
            post("retrieve-k3", "/api/retrieve", json("query", REVENUE, "k", 3)),
            post("retrieve-report", "/api/retrieve", json("query", INFRASTRUCTURE, "reports", List.of("ai-infrastructure"))),
            post("answer-zh-extractive", "/api/answer", json("question", COMPUTE_COST)),
            post("answer-en-extractive", "/api/answer", json("question", ENGLISH)),
            post("answer-refused", "/api/answer", json("question", OFF_CORPUS)),
            post("answer-follow-up", "/api/answer", json("question", FOLLOW_UP, "conversationId", "<conversation-1>")),
            post("answer-report", "/api/answer", json("question", INFRASTRUCTURE, "reports", List.of("ai-infrastructure"))),
            chat("chat-extractive", json("question", REVENUE)),
            get("conversations", "/api/conversations"),
            get("conversation", "/api/conversations/<conversation-1>"),
            send("rename", "PATCH", "/api/conversations/<conversation-1>", json("title", "计算成本")),
            post("feedback", "/api/feedback", json("messageId", "<message-1>", "rating", "up", "comment", "数字有出处")),
            get("conversation-renamed-with-feedback", "/api/conversations/<conversation-1>"),
            send("delete", "DELETE", "/api/conversations/<conversation-2>", null),
            get("deleted-conversation", "/api/conversations/<conversation-2>"),
            get("conversations-after-delete", "/api/conversations?limit=2"),
            get("v1-models", "/v1/models"),
            post("bad-empty-question", "/api/answer", json("question", "")),
            post("bad-question-too-long", "/api/answer", json("question", "问".repeat(2001))),
            post("bad-malformed-json", "/api/answer", "{\"question\": \"平均计算成本"),
            post("bad-question-type", "/api/answer", json("question", 42)),
            post("bad-unknown-report", "/api/retrieve", json("query", COMPUTE_COST, "reports", List.of("no-such-report"))),
            get("bad-unknown-report-text", "/api/reports/no-such-report/text"),
            post("bad-unknown-conversation", "/api/answer", json("question", FOLLOW_UP, "conversationId", "no-such-conversation")),
            get("bad-unknown-conversation-get", "/api/conversations/no-such-conversation"),
            get("bad-unknown-route", "/api/no-such-route"),
            send("bad-method", "PUT", "/api/answer", json("question", COMPUTE_COST)));

    /** With the stand-in LLM: generated answers, the token stream, a condensed follow-up and /v1. */
    private static final List<Call> STAND_IN_LLM = List.of(
            get("health", "/api/health").unorderedKeys("", 4).unorderedKeys("/llm", 0),
            post("answer-generated", "/api/answer", json("question", COMPUTE_COST)),
            post("answer-generated-follow-up", "/api/answer", json("question", FOLLOW_UP, "conversationId", "<conversation-1>")),
            post("answer-en-generated", "/api/answer", json("question", ENGLISH)),
            chat("chat-generated", json("question", REVENUE)),
            get("conversation", "/api/conversations/<conversation-1>"),
            post("v1-completion", "/v1/chat/completions", json("model", "ibv-advisor", "messages", messages("user", COMPUTE_COST)))
                    .capturing("<v1-reply>", "/choices/0/message/content"),
            post("v1-completion-follow-up", "/v1/chat/completions", json("model", "ibv-advisor", "messages",
                    messages("user", COMPUTE_COST, "assistant", "<v1-reply>", "user", FOLLOW_UP))),
            post("v1-completion-stream", "/v1/chat/completions", json("model", "ibv-advisor", "stream", true,
                    "messages", messages("user", REVENUE))),
            post("v1-bad-no-messages", "/v1/chat/completions", json("model", "ibv-advisor")),
            get("conversations", "/api/conversations"));

    @TempDir
    static Path data;

    @Test
    void without_a_reachable_llm_the_contract_is_unchanged() {
        StandInOllama gone = StandInOllama.start();
        String url = gone.baseUrl();
        gone.close(); // nothing listens there any more: every generation fails fast with "connection refused"
        try (Advisor advisor = TestAdvisors.start(data.resolve("no-llm"), url)) {
            check("no-llm", advisor.uri(), url, NO_LLM);
        }
    }

    @Test
    void with_the_stand_in_llm_the_contract_is_unchanged() {
        try (StandInOllama ollama = StandInOllama.start()) {
            ollama.onChat(StandInAnswers.citing(Duration.ZERO));
            try (Advisor advisor = TestAdvisors.start(data.resolve("stand-in-llm"), ollama.baseUrl())) {
                check("stand-in-llm", advisor.uri(), ollama.baseUrl(), STAND_IN_LLM);
            }
        }
    }

    /** Records or compares every call of a suite, in order; fails once, listing every call that differs. */
    private static void check(String suite, URI advisor, String ollamaUrl, List<Call> calls) {
        Normalizer normalizer = new Normalizer();
        normalizer.literal(ollamaUrl, "<ollama-url>");
        Path golden = GOLDEN.resolve(suite);
        Path actual = ACTUAL.resolve(suite);
        List<String> failures = new ArrayList<>();
        Set<String> written = new TreeSet<>();
        try (Recorder recorder = new Recorder(advisor, normalizer)) {
            awaitLlmProbe(advisor);
            if (RECORD) clear(golden);
            clear(actual);
            for (int i = 0; i < calls.size(); i++) {
                Call call = calls.get(i);
                String file = "%02d-%s.json".formatted(i + 1, call.name());
                if (!written.add(file)) throw new IllegalStateException("two calls named " + call.name());
                String text = recorder.record(call);
                write(actual.resolve(file), text);
                if (RECORD) {
                    write(golden.resolve(file), text);
                } else {
                    String expected = read(golden.resolve(file));
                    if (expected == null) failures.add(file + ": no golden file (record it, see the class comment)");
                    else if (!TextDiff.sameUpToRounding(expected, text)) failures.add(file + " (" + call.method() + " " + call.path() + ") differs:\n"
                            + TextDiff.diff(expected, text));
                }
            }
        }
        for (String stale : files(golden)) {
            if (!written.contains(stale)) failures.add(stale + ": golden file of no call (a call was removed or renamed)");
        }
        if (!failures.isEmpty()) {
            fail("the public contract changed in " + failures.size() + " of " + calls.size() + " responses of suite "
                    + suite + " (live responses in " + actual + "):\n\n" + String.join("\n", failures));
        }
    }

    /**
     * Health shows the LLM's state from a background probe that the first request starts; the recorded health is the
     * one after that probe, not the "unknown" before it. (Unrecorded requests, before any recorded one.)
     */
    private static void awaitLlmProbe(URI advisor) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        try (AdvisorHttp http = new AdvisorHttp(advisor)) {
            while (true) {
                JsonNode health = http.get("/api/health").json();
                if (!health.path("llm").path("status").asText().equals("unknown")) return;
                if (System.nanoTime() > deadline) throw new AssertionError("the LLM probe never finished: " + health);
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> files(Path folder) {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void clear(Path folder) {
        try {
            for (String file : files(folder)) Files.delete(folder.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
