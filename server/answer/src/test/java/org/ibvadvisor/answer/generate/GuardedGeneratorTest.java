package org.ibvadvisor.answer.generate;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.ibvadvisor.answer.generate.ScriptedChatBackend.ScriptedChat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The guard around any chat backend, against a backend the test plays: deadlines, queueing, cancel, the outcome. */
class GuardedGeneratorTest {

    private static final Prompt PROMPT = new Prompt("只根据资料回答。", "生成式 AI 的投资回报率是多少？");
    /** Windows 4K–16K, answers up to 1024 tokens; first line 3 s, idle 2 s, total 8 s; 2 running, 8 queued. */
    private static final GenerationLimits LIMITS = new GenerationLimits(4096, 16384, 1024, ofSeconds(3),
            ofSeconds(2), ofSeconds(8), 2, 8);

    private final List<GuardedGenerator> generators = new ArrayList<>();

    @AfterEach
    void closeAll() {
        generators.forEach(GuardedGenerator::close);
    }

    private GuardedGenerator generator(ChatBackend backend, GenerationLimits limits) {
        GuardedGenerator generator = new GuardedGenerator(backend, limits, "test-generator-");
        generators.add(generator);
        return generator;
    }

    private GuardedGenerator generator(ChatBackend backend) {
        return generator(backend, LIMITS);
    }

    private static GenerationLimits deadlines(Duration firstLine, Duration idle, Duration total) {
        return new GenerationLimits(4096, 16384, 1024, firstLine, idle, total, 2, 8);
    }

    private static GenerationLimits concurrency(int running, int queued) {
        return new GenerationLimits(4096, 16384, 1024, ofSeconds(10), ofSeconds(10), ofSeconds(20), running, queued);
    }

    private static ScriptedChatBackend replying(Consumer<ScriptedChat> reply) {
        return new ScriptedChatBackend(reply);
    }

    private static Generated generated(GenerationOutcome outcome) {
        if (outcome instanceof GenerationFailure failure) {
            throw new AssertionError("expected an answer, got " + failure + ": " + failure.message());
        }
        return (Generated) outcome;
    }

    // ---- the answer ----

    @Test
    void the_reply_is_delivered_in_order_and_ends_in_an_answer_with_the_models_usage() {
        ScriptedChatBackend backend = replying(chat -> chat.content("生成式", " AI ", "回报率为 13%。").done(120, "stop"));
        List<String> tokens = new CopyOnWriteArrayList<>();

        Generated answer = generated(generator(backend).generate(PROMPT, tokens::add).await());

        assertEquals(List.of("生成式", " AI ", "回报率为 13%。"), tokens);
        assertEquals("生成式 AI 回报率为 13%。", answer.text());
        assertEquals("stop", answer.doneReason());
        assertEquals(120, answer.promptEvalCount());
        assertEquals(4096, answer.numCtx());
        assertEquals(ContextWindow.estimateTokens(PROMPT), answer.estimatedPromptTokens());
        assertFalse(answer.promptTruncated());
        assertNotNull(answer.firstToken());
        assertTrue(answer.warnings().isEmpty());
        assertFalse(backend.chats().getFirst().aborted(), "a complete answer leaves the chat to end by itself");
    }

    @ParameterizedTest(name = "a question of {0} characters asks for num_ctx {1}")
    @CsvSource(textBlock = """
            100,   4096
            5000,  8192
            12000, 16384
            30000, 16384
            """)
    void the_window_grows_with_the_prompt(int length, int numCtx) {
        ScriptedChatBackend backend = replying(chat -> chat.content("好").done());

        Generated answer = generated(generator(backend).generate(new Prompt("", "问".repeat(length)),
                TokenListener.ignoring()).await());

        assertEquals(numCtx, backend.chats().getFirst().numCtx);
        assertEquals(numCtx, answer.numCtx());
    }

    @ParameterizedTest(name = "{0} prompt tokens evaluated in a window of 4096: truncated = {1}")
    @CsvSource(textBlock = """
            4096, true
            4064, true
            4000, false
            ,     false
            """)
    void a_prompt_that_filled_the_window_is_flagged_with_a_warning(Integer promptEvalCount, boolean truncated) {
        ScriptedChatBackend backend = replying(chat -> chat.content("好").done(promptEvalCount, "stop"));

        Generated answer = generated(generator(backend).generate(PROMPT, TokenListener.ignoring()).await());

        assertEquals(truncated, answer.promptTruncated());
        assertEquals(truncated, !answer.warnings().isEmpty());
    }

    @Test
    void an_inline_think_block_never_reaches_the_answer() {
        ScriptedChatBackend backend = replying(chat ->
                chat.content("<th", "ink>", "资料 [1] 说", "</think>", "\n\n", "答案", "是 13%。").done());
        List<String> tokens = new CopyOnWriteArrayList<>();

        Generated answer = generated(generator(backend).generate(PROMPT, tokens::add).await());

        assertEquals("答案是 13%。", answer.text());
        assertEquals("答案是 13%。", String.join("", tokens));
    }

    @Test
    void a_reply_that_hit_the_output_limit_is_cut_short() {
        ScriptedChatBackend backend = replying(chat -> chat.content("答案说到一半").done(10, "length"));

        Generated answer = generated(generator(backend).generate(PROMPT, TokenListener.ignoring()).await());

        assertTrue(answer.cutShort());
        assertEquals(1, answer.warnings().size());
    }

    // ---- failures ----

    @Test
    void a_failure_the_backend_reports_even_before_it_returns_is_the_outcome_and_the_chat_is_aborted() {
        GenerationFailure refused = new GenerationFailure.Unreachable("http://gpu-host:11434", "connection refused");
        ScriptedChatBackend backend = replying(chat -> chat.content("一").fail(refused));

        GenerationOutcome outcome = generator(backend).generate(PROMPT, TokenListener.ignoring()).await();

        assertSame(refused, outcome);
        assertTrue(backend.chats().getFirst().aborted());
    }

    @Test
    void a_silent_model_runs_out_the_first_token_deadline_and_the_chat_is_aborted() {
        ScriptedChatBackend backend = ScriptedChatBackend.silent();

        GenerationOutcome outcome = generator(backend, deadlines(ofMillis(300), ofMillis(300), ofSeconds(3)))
                .generate(PROMPT, TokenListener.ignoring()).await();

        assertEquals(GenerationFailure.Deadline.FIRST_TOKEN,
                assertInstanceOf(GenerationFailure.DeadlineExceeded.class, outcome).deadline());
        assertTrue(backend.chats().getFirst().aborted());
    }

    @ParameterizedTest(name = "a stall after {0} runs out the idle deadline")
    @CsvSource({"content", "a line without content"})
    void a_model_that_falls_silent_mid_reply_runs_out_the_idle_deadline(String before) {
        ScriptedChatBackend backend = replying(chat -> {
            if (before.equals("content")) {
                chat.content("一");
            } else {
                chat.line();
            }
        });

        GenerationOutcome outcome = generator(backend, deadlines(ofMillis(300), ofMillis(300), ofSeconds(3)))
                .generate(PROMPT, TokenListener.ignoring()).await();

        assertEquals(GenerationFailure.Deadline.IDLE,
                assertInstanceOf(GenerationFailure.DeadlineExceeded.class, outcome).deadline());
        assertTrue(backend.chats().getFirst().aborted());
    }

    @Test
    void lines_within_the_idle_gap_keep_the_generation_alive_until_the_total_deadline() throws InterruptedException {
        ScriptedChatBackend backend = ScriptedChatBackend.silent();
        Generation generation = generator(backend, deadlines(ofMillis(300), ofMillis(300), ofMillis(800)))
                .generate(PROMPT, TokenListener.ignoring());
        ScriptedChat chat = backend.awaitChat(0);

        while (!generation.outcome().toCompletableFuture().isDone()) {
            chat.content("慢");
            Thread.sleep(50);
        }

        assertEquals(GenerationFailure.Deadline.TOTAL,
                assertInstanceOf(GenerationFailure.DeadlineExceeded.class, generation.await()).deadline());
        assertTrue(chat.aborted());
    }

    @Test
    void slow_lines_within_the_idle_gap_make_a_complete_answer() throws InterruptedException {
        ScriptedChatBackend backend = ScriptedChatBackend.silent();
        Generation generation = generator(backend, deadlines(ofMillis(300), ofMillis(300), ofSeconds(5)))
                .generate(PROMPT, TokenListener.ignoring());
        ScriptedChat chat = backend.awaitChat(0);

        for (String piece : "一二三四五六七八九十".split("")) {
            chat.content(piece);
            Thread.sleep(50);
        }
        chat.done();

        assertEquals("一二三四五六七八九十", generated(generation.await()).text());
    }

    @Test
    void a_listener_that_throws_stops_the_generation_and_aborts_the_chat() {
        ScriptedChatBackend backend = replying(chat -> chat.content("一", "二").done());

        GenerationOutcome outcome = generator(backend).generate(PROMPT, token -> {
            throw new IllegalStateException("client gone");
        }).await();

        GenerationFailure.StreamBroken broken = assertInstanceOf(GenerationFailure.StreamBroken.class, outcome);
        assertTrue(broken.detail().contains("client gone"), broken.detail());
        assertTrue(backend.chats().getFirst().aborted());
    }

    // ---- cancellation ----

    @Test
    void cancel_stops_the_tokens_and_aborts_the_chat() throws InterruptedException {
        ScriptedChatBackend backend = ScriptedChatBackend.silent();
        List<String> tokens = new CopyOnWriteArrayList<>();
        Generation generation = generator(backend).generate(PROMPT, tokens::add);
        ScriptedChat chat = backend.awaitChat(0);
        chat.content("一", "二", "三");

        generation.cancel();
        chat.content("四").done();

        assertInstanceOf(GenerationFailure.Cancelled.class, generation.await());
        assertTrue(chat.aborted());
        assertEquals(List.of("一", "二", "三"), tokens, "no token after cancel");
    }

    @Test
    void cancel_before_the_model_answers_aborts_the_chat_and_frees_the_slot() throws InterruptedException {
        ScriptedChatBackend backend = ScriptedChatBackend.silent();
        GuardedGenerator generator = generator(backend);
        Generation generation = generator.generate(PROMPT, TokenListener.ignoring());
        ScriptedChat chat = backend.awaitChat(0);

        generation.cancel();

        assertInstanceOf(GenerationFailure.Cancelled.class, generation.await());
        assertTrue(chat.aborted());
        assertEquals(0, generator.running());
    }

    @Test
    void cancel_after_the_answer_changes_nothing() {
        ScriptedChatBackend backend = replying(chat -> chat.content("好的").done());
        Generation generation = generator(backend).generate(PROMPT, TokenListener.ignoring());
        GenerationOutcome outcome = generation.await();

        generation.cancel();

        generated(outcome);
        generated(generation.await());
        assertFalse(backend.chats().getFirst().aborted());
    }

    // ---- concurrency ----

    @Test
    void beyond_the_running_and_queued_bounds_a_request_is_refused_as_busy() throws InterruptedException {
        ScriptedChatBackend backend = replying(chat -> {
            if (!chat.prompt.user().equals("first")) {
                chat.content("好的").done();
            }
        });
        GuardedGenerator generator = generator(backend, concurrency(1, 1));

        Generation first = generator.generate(new Prompt("", "first"), TokenListener.ignoring());
        backend.awaitChat(0);
        Generation second = generator.generate(new Prompt("", "second"), TokenListener.ignoring());
        Generation third = generator.generate(new Prompt("", "third"), TokenListener.ignoring());

        GenerationFailure.Busy busy = assertInstanceOf(GenerationFailure.Busy.class, third.await());
        assertEquals(1, busy.running());
        assertEquals(1, busy.queued());
        assertTrue(busy.retryAfter().toSeconds() >= 1);
        assertEquals(1, backend.chats().size(), "the queued request waits for its turn");

        first.cancel();

        generated(second.await());
        assertEquals(2, backend.chats().size());
        assertEquals(0, generator.running());
        assertEquals(0, generator.queued());
    }

    @Test
    void a_queued_request_that_is_cancelled_leaves_the_queue() {
        ScriptedChatBackend backend = ScriptedChatBackend.silent();
        GuardedGenerator generator = generator(backend, concurrency(1, 1));
        Generation running = generator.generate(PROMPT, TokenListener.ignoring());
        Generation queued = generator.generate(PROMPT, TokenListener.ignoring());
        assertEquals(1, generator.queued());

        queued.cancel();

        assertInstanceOf(GenerationFailure.Cancelled.class, queued.await());
        assertEquals(0, generator.queued());
        Generation next = generator.generate(PROMPT, TokenListener.ignoring());
        assertFalse(next.outcome().toCompletableFuture().isDone(), "there is room in the queue again");
        running.cancel();
        next.cancel();
    }

    @Test
    void parallel_generations_each_get_their_own_answer() {
        ScriptedChatBackend backend = replying(chat -> chat.content("回答：", chat.prompt.user()).done());
        GuardedGenerator generator = generator(backend, concurrency(2, 8));
        List<Generation> generations = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            generations.add(generator.generate(new Prompt("", "问题" + i), TokenListener.ignoring()));
        }

        for (int i = 0; i < 8; i++) {
            assertEquals("回答：问题" + i, generated(generations.get(i).await()).text());
        }
        assertEquals(8, backend.chats().size());
    }

    @Test
    void closing_the_generator_cancels_what_is_in_flight_and_closes_the_backend() throws InterruptedException {
        ScriptedChatBackend backend = ScriptedChatBackend.silent();
        GuardedGenerator generator = generator(backend, concurrency(2, 8));
        Generation generation = generator.generate(PROMPT, TokenListener.ignoring());
        ScriptedChat chat = backend.awaitChat(0);

        generator.close();

        assertInstanceOf(GenerationFailure.Cancelled.class, generation.await());
        assertTrue(chat.aborted());
        assertTrue(backend.closed());
    }
}
