package org.ibvadvisor.llm.ollama;

import org.ibvadvisor.answer.generate.*;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ibvadvisor.testkit.ollama.ChatScript;
import org.ibvadvisor.testkit.ollama.RecordedRequest;
import org.ibvadvisor.testkit.ollama.StandInOllama;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generator against the stand-in Ollama over real HTTP: the answer, what is sent, every way Ollama can fail, and
 * that stopping a generation closes its connection. The guard itself (queueing, busy, cancel, think tags) is tested
 * against any backend in the answer core's {@code GuardedGeneratorTest}.
 */
class OllamaGeneratorTest {

    private static final Prompt PROMPT = new Prompt("只根据资料回答，并在每个论断后标注 [n]。",
            "资料：[1] 生成式 AI 投资回报率为 13%。\n问题：生成式 AI 的投资回报率是多少？");
    private static final Duration END = ofSeconds(5);

    private static int threadsBefore;

    private final StandInOllama ollama = StandInOllama.start();
    private static Set<Thread> threadsBeforeSuite = Set.of();
    private final List<OllamaGenerator> generators = new ArrayList<>();

    @BeforeAll
    static void countThreads() {
        threadsBefore = Thread.activeCount();
        threadsBeforeSuite = Set.copyOf(Thread.getAllStackTraces().keySet());
    }

    @AfterEach
    void closeAll() throws InterruptedException {
        generators.forEach(OllamaGenerator::close);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (ollama.openConnections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        int open = ollama.openConnections();
        ollama.close();
        assertEquals(0, open, "connections to Ollama left open after the generator closed");
    }

    @AfterAll
    static void no_thread_outlives_the_suite() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<String> ours;
        do {
            // Other test classes in this JVM may leave their own HttpClient threads behind: count only new ones.
            ours = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                    .filter(t -> !threadsBeforeSuite.contains(t)).map(Thread::getName)
                    .filter(n -> n.startsWith(OllamaGenerator.THREAD_PREFIX)
                            || n.startsWith(StandInOllama.THREAD_PREFIX) || n.startsWith("HttpClient-"))
                    .toList();
            if (ours.isEmpty() && Thread.activeCount() <= threadsBefore + 2) {
                return;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("threads left after the suite: " + ours + "; live " + Thread.activeCount()
                + " against " + threadsBefore + " before");
    }

    /**
     * Short deadlines so that the suite is fast: first token and idle 400 ms, total 3 s. Only tests about deadlines
     * get this short a first-token deadline; the others allow for the first request of a cold JVM.
     */
    private OllamaSettings shortDeadlines() {
        return OllamaSettings.defaults().withBaseUrl(ollama.baseUrl()).withThink(false)
                .withTimeouts(ofMillis(400), ofMillis(400), ofSeconds(3));
    }

    private OllamaSettings settings() {
        return shortDeadlines().withTimeouts(ofSeconds(3), ofSeconds(2), ofSeconds(8));
    }

    /** The answer, or a failure that says what went wrong instead. */
    private static Generated generated(GenerationOutcome outcome) {
        if (outcome instanceof GenerationFailure failure) {
            throw new AssertionError("expected an answer, got " + failure + ": " + failure.message());
        }
        return (Generated) outcome;
    }

    private OllamaGenerator generator(OllamaSettings settings) {
        OllamaGenerator generator = new OllamaGenerator(settings);
        generators.add(generator);
        return generator;
    }

    private OllamaGenerator generator() {
        return generator(settings());
    }

    // ---- the answer ----

    @Test
    void tokens_arrive_in_order_and_a_split_chinese_character_is_reassembled() {
        ollama.onChat(ChatScript.tokens("生成式", " AI ", "投资", "回报率为 13%", "。[1]").splitMultibyteCharacters());
        List<String> tokens = new CopyOnWriteArrayList<>();

        GenerationOutcome outcome = generator().generate(PROMPT, tokens::add).await();

        Generated answer = generated(outcome);
        assertEquals(List.of("生成式", " AI ", "投资", "回报率为 13%", "。[1]"), tokens);
        assertEquals("生成式 AI 投资回报率为 13%。[1]", answer.text());
        assertEquals("stop", answer.doneReason());
        assertEquals(5, answer.evalCount());
        assertTrue(answer.promptEvalCount() > 0);
        assertFalse(answer.promptTruncated());
        assertFalse(answer.cutShort());
        assertNotNull(answer.firstToken());
        assertTrue(answer.warnings().isEmpty());
    }

    @Test
    void the_request_carries_model_messages_num_ctx_keep_alive_think_and_low_temperature() {
        generator().generate(PROMPT, TokenListener.ignoring()).await();

        RecordedRequest request = ollama.lastChatRequest();
        assertEquals("qwen2.5:7b", request.model());
        assertEquals(List.of(new RecordedRequest.Message("system", PROMPT.system()),
                new RecordedRequest.Message("user", PROMPT.user())), request.messages());
        assertTrue(request.stream());
        assertEquals(4096, request.numCtx());
        assertEquals(1800, request.keepAlive().asInt());
        assertEquals(Boolean.FALSE, request.think());
        assertEquals(0.1, request.temperature());
        assertEquals(1024, request.option("num_predict").asInt());
    }

    @Test
    void think_is_not_sent_unless_configured() {
        generator(settings().withThink(null)).generate(PROMPT, TokenListener.ignoring()).await();

        assertNull(ollama.lastChatRequest().think());
    }

    @ParameterizedTest(name = "a question of {0} characters asks for num_ctx {1}; truncated = {2}")
    @CsvSource(textBlock = """
            100,   4096,  false
            5000,  8192,  false
            12000, 16384, false
            30000, 16384, true
            """)
    void num_ctx_grows_with_the_prompt_and_a_prompt_that_fills_it_is_flagged(int length, int numCtx,
                                                                          boolean truncated) {
        Prompt prompt = new Prompt("", "问".repeat(length));

        Generated answer = generated(generator().generate(prompt, TokenListener.ignoring()).await());

        assertEquals(numCtx, ollama.lastChatRequest().numCtx());
        assertEquals(numCtx, answer.numCtx());
        assertEquals(truncated, answer.promptTruncated());
        assertEquals(truncated, !answer.warnings().isEmpty());
    }

    @Test
    void thinking_chunks_never_reach_the_answer() {
        ollama.onChat(ChatScript.tokens("答案", "是 13%。").thinking("让我想想", "资料 [1] 说……"));
        List<String> tokens = new CopyOnWriteArrayList<>();

        Generated answer = generated(generator().generate(PROMPT, tokens::add).await());

        assertEquals("答案是 13%。", answer.text());
        assertEquals(List.of("答案", "是 13%。"), tokens);
    }

    @Test
    void an_answer_that_hits_the_output_limit_is_marked_cut_short() {
        ollama.onChat(ChatScript.reply("答案说到一半").doneReason("length"));

        Generated answer = generated(generator().generate(PROMPT, TokenListener.ignoring()).await());

        assertTrue(answer.cutShort());
        assertEquals(1, answer.warnings().size());
    }

    // ---- failures ----

    @Test
    void a_model_that_is_not_pulled_says_how_to_pull_it() {
        ollama.models("llama3:latest");

        GenerationOutcome outcome = generator().generate(PROMPT, TokenListener.ignoring()).await();

        GenerationFailure.ModelNotFound missing = assertInstanceOf(GenerationFailure.ModelNotFound.class, outcome);
        assertEquals("model qwen2.5:7b not found at " + ollama.baseUrl() + ": run `ollama pull qwen2.5:7b`",
                missing.message());
    }

    @ParameterizedTest(name = "HTTP {0} is an HTTP error, retryable = {2}")
    @CsvSource(textBlock = """
            500, llama runner process has terminated: exit status 2, false
            503, server busy - maximum pending requests exceeded, true
            400, invalid options, false
            """)
    void http_errors_carry_the_status_and_ollamas_message(int status, String error, boolean retryable) {
        ollama.onChat(ChatScript.status(status, error));

        GenerationOutcome outcome = generator().generate(PROMPT, TokenListener.ignoring()).await();

        GenerationFailure.HttpError failure = assertInstanceOf(GenerationFailure.HttpError.class, outcome);
        assertEquals(status, failure.status());
        assertEquals(error, failure.detail());
        assertEquals(retryable, failure.retryable());
    }

    static Stream<Arguments> brokenStreams() {
        return Stream.of(
                Arguments.of("an error line", ChatScript.tokens("一", "二").thenErrorLine("llama runner crashed"),
                        "llama runner crashed"),
                Arguments.of("an end without done", ChatScript.tokens("一", "二").thenEndWithoutDone(),
                        "without its final done chunk"),
                Arguments.of("a cut connection", ChatScript.tokens("一", "二").thenCut(), "lost mid-answer"),
                Arguments.of("a reset connection", ChatScript.tokens("一", "二").thenReset(), "lost mid-answer"));
    }

    @ParameterizedTest(name = "{0} mid-stream breaks the answer")
    @MethodSource("brokenStreams")
    void a_stream_that_breaks_is_a_broken_stream_after_the_tokens_before_it(String name, ChatScript script,
                                                                            String detail) {
        ollama.onChat(script);
        List<String> tokens = new CopyOnWriteArrayList<>();

        GenerationOutcome outcome = generator().generate(PROMPT, tokens::add).await();

        GenerationFailure.StreamBroken broken = assertInstanceOf(GenerationFailure.StreamBroken.class, outcome);
        assertTrue(broken.detail().contains(detail), broken.detail());
        if (name.contains("reset") || name.contains("cut")) {
            // A reset may discard what the client had not read yet, and so may a cut: the JDK's streamed body throws
            // as soon as the connection fails, before handing over bytes it received but were not yet read.
            assertEquals(List.of("一", "二").subList(0, tokens.size()), tokens);
        } else {
            assertEquals(List.of("一", "二"), tokens);
        }
    }

    static Stream<Arguments> deadlines() {
        return Stream.of(
                Arguments.of("no response at all", ChatScript.stall(), GenerationFailure.Deadline.FIRST_TOKEN),
                Arguments.of("a slow first byte", ChatScript.reply("迟到").firstByteDelay(ofSeconds(3)),
                        GenerationFailure.Deadline.FIRST_TOKEN),
                Arguments.of("a stream held open without done", ChatScript.tokens("一").thenStall(),
                        GenerationFailure.Deadline.IDLE),
                Arguments.of("a stall after thinking", ChatScript.tokens().thinking("想").thenStall(),
                        GenerationFailure.Deadline.IDLE));
    }

    @ParameterizedTest(name = "{0} runs out the {2} deadline and the connection is closed")
    @MethodSource("deadlines")
    void a_silent_ollama_runs_out_a_deadline_and_loses_the_connection(String name, ChatScript script,
                                                                      GenerationFailure.Deadline deadline) {
        ollama.onChat(script);

        GenerationOutcome outcome = generator(shortDeadlines()).generate(PROMPT, TokenListener.ignoring()).await();

        GenerationFailure.DeadlineExceeded exceeded =
                assertInstanceOf(GenerationFailure.DeadlineExceeded.class, outcome);
        assertEquals(deadline, exceeded.deadline());
        assertEquals(RecordedRequest.EndKind.CLIENT_GONE, ollama.lastChatRequest().awaitEnding(END).kind());
    }

    @Test
    void a_trickle_that_never_ends_runs_out_the_total_deadline() {
        ollama.onChat(ChatScript.reply("慢".repeat(200)).tokenDelay(ofMillis(50)));
        OllamaSettings settings = shortDeadlines().withTimeouts(ofMillis(400), ofMillis(400), ofMillis(800));

        GenerationOutcome outcome = generator(settings).generate(PROMPT, TokenListener.ignoring()).await();

        assertEquals(GenerationFailure.Deadline.TOTAL,
                assertInstanceOf(GenerationFailure.DeadlineExceeded.class, outcome).deadline());
        assertEquals(RecordedRequest.EndKind.CLIENT_GONE, ollama.lastChatRequest().awaitEnding(END).kind());
    }

    @Test
    void ollama_down_is_unreachable_with_the_fix() {
        String deadUrl = ollama.baseUrl();
        ollama.close();

        GenerationOutcome outcome = generator().generate(PROMPT, TokenListener.ignoring()).await();

        GenerationFailure.Unreachable unreachable = assertInstanceOf(GenerationFailure.Unreachable.class, outcome);
        assertTrue(unreachable.message().startsWith("Ollama is unreachable at " + deadUrl), unreachable.message());
        assertTrue(unreachable.message().contains("ollama serve"), unreachable.message());
    }

    @Test
    void a_listener_that_throws_stops_the_generation() {
        ollama.onChat(ChatScript.reply("一二三四五六七八九十").tokenDelay(ofMillis(20)));

        GenerationOutcome outcome = generator().generate(PROMPT, token -> {
            throw new IllegalStateException("client gone");
        }).await();

        GenerationFailure.StreamBroken broken = assertInstanceOf(GenerationFailure.StreamBroken.class, outcome);
        assertTrue(broken.detail().contains("client gone"), broken.detail());
        assertEquals(RecordedRequest.EndKind.CLIENT_GONE, ollama.lastChatRequest().awaitEnding(END).kind());
    }

    // ---- cancellation ----

    @Test
    void cancel_stops_the_tokens_and_closes_the_stream() throws InterruptedException {
        ollama.onChat(ChatScript.reply("长".repeat(100)).tokenDelay(ofMillis(20)));
        List<String> tokens = new CopyOnWriteArrayList<>();
        Generation generation = generator().generate(PROMPT, tokens::add);
        while (tokens.size() < 3) {
            Thread.sleep(5);
        }

        generation.cancel();
        int atCancel = tokens.size();

        assertInstanceOf(GenerationFailure.Cancelled.class, generation.await());
        RecordedRequest.Ending ending = ollama.lastChatRequest().awaitEnding(END);
        assertEquals(RecordedRequest.EndKind.CLIENT_GONE, ending.kind());
        assertTrue(ending.contentChunksWritten() < 100, "chunks written: " + ending.contentChunksWritten());
        assertEquals(atCancel, tokens.size(), "no token after cancel");
    }

    @Test
    void cancel_before_the_response_aborts_the_request() {
        ollama.onChat(ChatScript.stall());
        OllamaGenerator generator = generator(settings().withTimeouts(ofSeconds(10), ofSeconds(10), ofSeconds(20)));
        Generation generation = generator.generate(PROMPT, TokenListener.ignoring());
        ollama.awaitChatRequest(0, END);

        generation.cancel();

        assertInstanceOf(GenerationFailure.Cancelled.class, generation.await());
        assertEquals(RecordedRequest.EndKind.CLIENT_GONE, ollama.lastChatRequest().awaitEnding(END).kind());
        assertEquals(0, generator.running());
    }
}
