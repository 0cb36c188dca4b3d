package org.ibvadvisor.robustness;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ibvadvisor.llm.ollama.OllamaGenerator;
import org.ibvadvisor.testkit.ollama.ChatScript;
import org.ibvadvisor.testkit.ollama.StandInOllama;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way Ollama can fail, through the whole real advisor (HTTP, conversation store, answer pipeline, Ollama
 * client): each answer ends within its deadline with the extractive fallback, or with what was streamed and a
 * warning that it broke off; nothing hangs; and after the suite no thread or connection is left behind. The
 * generator's own handling of each fault is tested in {@code answer.generate}; this is the same through the API.
 */
class OllamaFaultsAgainstAdvisorTest {
    private static final Duration FIRST_TOKEN = ofSeconds(1);
    private static final Duration IDLE = ofSeconds(1);
    private static final Duration TOTAL = ofSeconds(5);
    /** Time the advisor may take on top of a deadline: retrieval, extraction, storing, HTTP (a busy 2-core machine). */
    private static final Duration SLACK = ofSeconds(4);
    private static final String QUESTION = "{\"question\":\"生成式 AI 的投资回报如何？\"}";

    private static StandInOllama ollama;
    private static RealAdvisor advisor;
    private static Set<Thread> threadsBefore;
    private static int connectionsBefore;
    private static List<String> selectorsBefore;

    @BeforeAll
    static void start() {
        threadsBefore = Set.copyOf(Thread.getAllStackTraces().keySet());
        ollama = StandInOllama.start();
        advisor = new RealAdvisor(ollama.baseUrl(), s -> s.withTimeouts(FIRST_TOKEN, IDLE, TOTAL), api -> api);
        ollama.onChat(ChatScript.reply("投资回报率为 13% [1]。"));
        RealAdvisor.Reply warm = advisor.chat(QUESTION);
        assertEquals("generated", done(warm).path("mode").asText(), warm.body());
        connectionsBefore = ollama.openConnections();
        selectorsBefore = newThreads("HttpClient-").stream().filter(n -> n.endsWith("SelectorManager")).toList();
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("HTTP 500", ChatScript.status(500, "llama runner process has terminated"), Duration.ZERO),
                Arguments.of("HTTP 503", ChatScript.status(503, "server busy"), Duration.ZERO),
                Arguments.of("the model is not pulled", ChatScript.modelNotFound("qwen2.5:7b"), Duration.ZERO),
                Arguments.of("no response at all", ChatScript.stall(), FIRST_TOKEN),
                Arguments.of("a first byte later than the deadline", ChatScript.reply("迟到的回答").firstByteDelay(ofSeconds(3)), FIRST_TOKEN),
                Arguments.of("a stall mid-stream", ChatScript.tokens("投资", "回报").thenStall(), IDLE),
                Arguments.of("an error line mid-stream", ChatScript.tokens("投资", "回报").thenErrorLine("an error was encountered while running the model"), Duration.ZERO),
                Arguments.of("an error line before any token", ChatScript.tokens().thenErrorLine("model runner crashed"), Duration.ZERO),
                Arguments.of("a stream that ends without done", ChatScript.tokens("投资", "回报").thenEndWithoutDone(), Duration.ZERO),
                Arguments.of("a connection cut mid-stream", ChatScript.tokens("投资", "回报").thenCut(), Duration.ZERO),
                Arguments.of("a connection reset mid-stream", ChatScript.tokens("投资", "回报").thenReset(), Duration.ZERO),
                Arguments.of("a trickle past the total deadline", ChatScript.reply("慢".repeat(400)).tokenDelay(ofMillis(40)), TOTAL));
    }

    @ParameterizedTest(name = "{0}: /api/chat ends in time with the fallback or a warning")
    @MethodSource("faults")
    void a_fault_ends_the_chat_within_its_deadline_with_the_fallback_or_a_warning(String name, ChatScript script,
                                                                                  Duration deadline) {
        ollama.onChat(script);
        long start = System.nanoTime();

        RealAdvisor.Reply reply = advisor.chat(QUESTION);

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(deadline.plus(SLACK)) < 0, name + " took " + took);
        assertEquals(200, reply.status(), reply.body());
        List<String[]> events = reply.events();
        String last = events.getLast()[0];
        assertTrue(last.equals("done") || last.equals("error"), () -> name + " ended with " + last + ": " + reply.body());
        if (last.equals("done")) expectFallbackOrWarning(name, done(reply));
    }

    @ParameterizedTest(name = "{0}: /api/answer ends in time with the fallback or a warning")
    @MethodSource("faults")
    void a_fault_ends_the_json_answer_within_its_deadline_with_the_fallback_or_a_warning(String name, ChatScript script,
                                                                                         Duration deadline) {
        ollama.onChat(script);
        long start = System.nanoTime();

        RealAdvisor.Reply reply = advisor.postJson("/api/answer", QUESTION);

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(deadline.plus(SLACK)) < 0, name + " took " + took);
        assertEquals(200, reply.status(), reply.body());
        expectFallbackOrWarning(name, reply.json());
    }

    @Test
    void with_ollama_down_the_answer_is_extractive_and_says_how_to_fix_it() {
        try (RealAdvisor down = new RealAdvisor("http://127.0.0.1:9", s -> s.withTimeouts(FIRST_TOKEN, IDLE, TOTAL), api -> api)) {
            long start = System.nanoTime();
            JsonNode answer = done(down.chat(QUESTION));
            assertTrue(System.nanoTime() - start < SLACK.toNanos());
            assertEquals("extractive", answer.path("mode").asText(), answer.toString());
            assertTrue(answer.path("warnings").toString().contains("11434") || answer.path("warnings").toString().contains("127.0.0.1:9"),
                    () -> "the warning should name where Ollama was looked for: " + answer.path("warnings"));
        }
    }

    /** Extractive (with a warning saying why), or generated with a warning that it broke off. */
    private static void expectFallbackOrWarning(String name, JsonNode answer) {
        String mode = answer.path("mode").asText();
        assertTrue(Set.of("extractive", "generated").contains(mode), () -> name + ": mode " + mode + " in " + answer);
        assertFalse(answer.path("answer").asText().isBlank(), () -> name + ": empty answer " + answer);
        assertTrue(answer.path("warnings").size() > 0, () -> name + ": no warning in " + answer);
    }

    private static JsonNode done(RealAdvisor.Reply reply) {
        List<String[]> events = reply.events();
        String[] last = events.isEmpty() ? new String[] {"none", ""} : events.getLast();
        assertEquals("done", last[0], () -> "no done event: " + reply.body());
        return new RealAdvisor.Reply(200, "application/json", last[1]).json();
    }

    @AfterAll
    static void nothing_is_left_behind() throws InterruptedException {
        try {
            ollama.onChat(ChatScript.reply("投资回报率为 13% [1]。"));
            assertEquals("generated", done(advisor.chat(QUESTION)).path("mode").asText(), "the advisor recovered");
            awaitTrue(() -> ollama.openConnections() <= Math.max(1, connectionsBefore),
                    () -> "connections to Ollama still open while the advisor idles: " + ollama.openConnections()
                            + " (before the faults: " + connectionsBefore + ")");
            assertEquals(selectorsBefore, newThreads("HttpClient-").stream().filter(n -> n.endsWith("SelectorManager")).toList(),
                    "a new HTTP client (selector thread) per answer would leak");
            awaitTrue(() -> busyOllamaThreads().isEmpty(), () -> "Ollama client threads still busy while the advisor idles: "
                    + busyOllamaThreads());
        } finally {
            advisor.close();
        }
        awaitTrue(() -> ollama.openConnections() == 0, () -> "connections left after the advisor closed: " + ollama.openConnections());
        awaitTrue(() -> newThreads("HttpClient-", OllamaGenerator.THREAD_PREFIX).isEmpty(),
                () -> "threads left after the advisor closed: " + newThreads("HttpClient-", OllamaGenerator.THREAD_PREFIX));
        ollama.close();
    }

    /** Threads of the Ollama client doing something (not parked in their pool waiting for work, not the timer). */
    private static List<String> busyOllamaThreads() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().startsWith(OllamaGenerator.THREAD_PREFIX + "io-"))
                .filter(e -> Stream.of(e.getValue()).noneMatch(frame -> frame.getMethodName().equals("getTask")))
                .map(e -> e.getKey().getName() + " " + List.of(e.getValue()).subList(0, Math.min(6, e.getValue().length)))
                .toList();
    }

    private static List<String> newThreads(String... prefixes) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).filter(t -> !threadsBefore.contains(t))
                .map(Thread::getName).filter(n -> Stream.of(prefixes).anyMatch(n::startsWith)).sorted().toList();
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, java.util.function.Supplier<String> message)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError(message.get());
            Thread.sleep(20);
        }
    }
}
