package org.ibvadvisor.answer.generate.pool;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.ibvadvisor.answer.generate.Generated;
import org.ibvadvisor.answer.generate.Generation;
import org.ibvadvisor.answer.generate.GenerationFailure;
import org.ibvadvisor.answer.generate.GenerationLimits;
import org.ibvadvisor.answer.generate.GenerationOutcome;
import org.ibvadvisor.answer.generate.GuardedGenerator;
import org.ibvadvisor.answer.generate.Prompt;
import org.ibvadvisor.answer.generate.TokenListener;
import org.ibvadvisor.answer.generate.pool.BackendView.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The pool over real guarded generators and backends the test plays: routing, taking out, retrying, bringing back. */
class GeneratorPoolTest {

    private static final Prompt PROMPT = new Prompt("只根据资料回答。", "生成式 AI 的投资回报率是多少？");
    /** First line within 300 ms, idle 300 ms, total 5 s; 2 at once per backend, no queue of its own. */
    private static final GenerationLimits LIMITS = new GenerationLimits(4096, 16384, 1024, ofMillis(300),
            ofMillis(300), ofSeconds(5), 2, 0);
    /** 4 waiting, 5 s in all, out for 150 ms (doubling to 1 s), looked at every 20 ms. */
    private static final PoolSettings SETTINGS = new PoolSettings(4, ofSeconds(5), ofMillis(150), ofSeconds(1),
            ofMillis(20));

    private final List<GeneratorPool> pools = new ArrayList<>();
    private final Map<String, AtomicBoolean> healthy = new ConcurrentHashMap<>();

    @AfterEach
    void closeAll() {
        pools.forEach(GeneratorPool::close);
    }

    private GeneratorPool pool(PoolSettings settings, PlayedBackend... backends) {
        List<PoolMember> members = Stream.of(backends).map(backend -> {
            AtomicBoolean up = healthy.computeIfAbsent(backend.name(), name -> new AtomicBoolean(true));
            return new PoolMember(backend.name(), "qwen2.5:7b", 2,
                    new GuardedGenerator(backend, LIMITS, "test-" + backend.name() + "-"),
                    () -> new BackendProbe.Result(up.get(), up.get() ? "ready" : backend.name() + " is down"));
        }).toList();
        GeneratorPool pool = new GeneratorPool(members, settings);
        pools.add(pool);
        return pool;
    }

    private GeneratorPool pool(PlayedBackend... backends) {
        return pool(SETTINGS, backends);
    }

    private static Generated generated(GenerationOutcome outcome) {
        if (outcome instanceof GenerationFailure failure) {
            throw new AssertionError("expected an answer, got " + failure + ": " + failure.message());
        }
        return (Generated) outcome;
    }

    private static BackendView view(GeneratorPool pool, String name) {
        return pool.backends().stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
    }

    private static void eventually(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened: " + what);
            }
            PlayedBackend.pause(ofMillis(5));
        }
    }

    // ---- routing ----

    @Test
    void questions_go_to_the_least_busy_backend() {
        PlayedBackend a = new PlayedBackend("a", PlayedBackend.hanging());
        PlayedBackend b = new PlayedBackend("b", PlayedBackend.hanging());
        GeneratorPool pool = pool(new PoolSettings(4, ofSeconds(30), ofMillis(150), ofSeconds(1), ofMillis(20)), a, b);

        List<Generation> generations = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            generations.add(pool.generate(PROMPT, TokenListener.ignoring()));
        }

        eventually(() -> a.chats().size() == 2 && b.chats().size() == 2, "two chats on each backend");
        assertEquals(4, pool.running());
        assertEquals(0, pool.queued());
        assertEquals(2, view(pool, "a").inFlight());
        generations.forEach(Generation::cancel);
    }

    @Test
    void a_question_waits_for_the_first_free_slot_and_is_refused_when_the_queue_is_full() {
        PlayedBackend a = new PlayedBackend("a", PlayedBackend.hanging());
        GeneratorPool pool = pool(new PoolSettings(1, ofSeconds(30), ofMillis(150), ofSeconds(1), ofMillis(20)), a);
        Generation first = pool.generate(PROMPT, TokenListener.ignoring());
        pool.generate(PROMPT, TokenListener.ignoring());

        Generation queued = pool.generate(PROMPT, TokenListener.ignoring());
        GenerationOutcome refused = pool.generate(PROMPT, TokenListener.ignoring()).outcome().toCompletableFuture()
                .getNow(null);

        GenerationFailure.Busy busy = assertInstanceOf(GenerationFailure.Busy.class, refused);
        assertEquals(2, busy.running());
        assertEquals(1, busy.queued());
        a.behave(PlayedBackend.answering(Duration.ZERO));
        first.cancel();
        assertEquals("好的。", generated(queued.await()).text());
    }

    // ---- a failing backend ----

    static Stream<Arguments> backendFailures() {
        return Stream.of(
                Arguments.of("refused", new GenerationFailure.Unreachable("http://a:11434", "connection refused")),
                Arguments.of("5xx", new GenerationFailure.HttpError(500, "runner crashed")),
                Arguments.of("busy 503", new GenerationFailure.HttpError(503, "server overloaded")),
                Arguments.of("model missing", new GenerationFailure.ModelNotFound("qwen2.5:7b", "http://a:11434")),
                Arguments.of("stream broken", new GenerationFailure.StreamBroken("connection reset")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backendFailures")
    void a_backend_that_fails_before_the_first_token_is_taken_out_and_the_question_answered_by_another(
            String kind, GenerationFailure failure) {
        PlayedBackend a = new PlayedBackend("a", PlayedBackend.failing(failure));
        PlayedBackend b = new PlayedBackend("b", PlayedBackend.answering(Duration.ZERO));
        GeneratorPool pool = pool(a, b);
        List<String> tokens = new CopyOnWriteArrayList<>();

        Generated answer = generated(pool.generate(PROMPT, tokens::add).await());
        Generated next = generated(pool.generate(PROMPT, TokenListener.ignoring()).await());

        assertEquals("好的。", answer.text());
        assertEquals(List.of("好", "的", "。"), tokens);
        assertEquals("好的。", next.text());
        assertEquals(1, a.chats().size(), "the second question does not go to the backend that is out");
        assertEquals(2, b.chats().size());
        BackendView out = view(pool, "a");
        assertEquals(State.OUT, out.state());
        assertEquals(failure.message(), out.lastError());
        assertNotNull(out.lastErrorAt());
        assertEquals(1, out.failed());
        assertEquals(State.READY, view(pool, "b").state());
        assertEquals(2, view(pool, "b").answered());
    }

    @Test
    void a_backend_that_never_answers_is_taken_out_at_the_first_token_deadline_and_the_question_retried() {
        PlayedBackend a = new PlayedBackend("a", PlayedBackend.hanging());
        PlayedBackend b = new PlayedBackend("b", PlayedBackend.answering(Duration.ZERO));
        GeneratorPool pool = pool(a, b);
        // the first question goes to a (both idle, a first), which never sends a line
        Generated answer = generated(pool.generate(PROMPT, TokenListener.ignoring()).await());

        assertEquals("好的。", answer.text());
        assertTrue(a.chats().getFirst().aborted(), "the silent chat is closed");
        assertEquals(State.OUT, view(pool, "a").state());
        assertTrue(answer.firstToken().compareTo(ofMillis(300)) >= 0,
                "times count from the question's arrival, the first try included: " + answer.firstToken());
    }

    @Test
    void a_stream_that_breaks_after_tokens_were_sent_is_not_retried_and_takes_the_backend_out() {
        PlayedBackend a = new PlayedBackend("a", chat -> {
            chat.tokens(Duration.ZERO, "生成式");
            chat.fail(new GenerationFailure.StreamBroken("the connection to Ollama was lost mid-answer"));
        });
        PlayedBackend b = new PlayedBackend("b", PlayedBackend.answering(Duration.ZERO));
        GeneratorPool pool = pool(a, b);
        List<String> tokens = new CopyOnWriteArrayList<>();

        GenerationOutcome outcome = pool.generate(PROMPT, tokens::add).await();

        assertInstanceOf(GenerationFailure.StreamBroken.class, outcome);
        assertEquals(List.of("生成式"), tokens, "no second answer is appended to what the asker read");
        assertEquals(0, b.chats().size());
        assertEquals(State.OUT, view(pool, "a").state());
    }

    @Test
    void a_stall_after_tokens_were_sent_ends_the_answer_without_a_retry() {
        PlayedBackend a = new PlayedBackend("a", chat -> {
            chat.tokens(Duration.ZERO, "生成式");
            chat.hang();
        });
        PlayedBackend b = new PlayedBackend("b", PlayedBackend.answering(Duration.ZERO));
        GeneratorPool pool = pool(a, b);

        GenerationFailure.DeadlineExceeded stalled = assertInstanceOf(GenerationFailure.DeadlineExceeded.class,
                pool.generate(PROMPT, TokenListener.ignoring()).await());

        assertEquals(GenerationFailure.Deadline.IDLE, stalled.deadline());
        assertEquals(0, b.chats().size());
        assertEquals(State.OUT, view(pool, "a").state());
    }

    @Test
    void a_question_is_retried_once_only() {
        GenerationFailure refusedA = new GenerationFailure.Unreachable("http://a:11434", "connection refused");
        GenerationFailure refusedB = new GenerationFailure.HttpError(502, "bad gateway");
        PlayedBackend a = new PlayedBackend("a", PlayedBackend.failing(refusedA));
        PlayedBackend b = new PlayedBackend("b", PlayedBackend.failing(refusedB));
        PlayedBackend c = new PlayedBackend("c", PlayedBackend.answering(Duration.ZERO));
        GeneratorPool pool = pool(a, b, c); // all idle: the first try goes to a, the retry to b (its turn before c)

        GenerationOutcome outcome = pool.generate(PROMPT, TokenListener.ignoring()).await();

        assertSame(refusedB, outcome, "the second backend's failure is the outcome");
        assertEquals(1, a.chats().size());
        assertEquals(1, b.chats().size());
        assertEquals(0, c.chats().size(), "no third try");
        assertEquals(State.OUT, view(pool, "a").state());
        assertEquals(State.OUT, view(pool, "b").state());
        assertEquals("好的。", generated(pool.generate(PROMPT, TokenListener.ignoring()).await()).text());
    }

    @Test
    void a_request_error_of_the_client_kind_keeps_the_backend_in_service_and_is_not_retried() {
        GenerationFailure tooLong = new GenerationFailure.HttpError(400, "prompt exceeds the context length");
        PlayedBackend a = new PlayedBackend("a", PlayedBackend.failing(tooLong));
        PlayedBackend b = new PlayedBackend("b", PlayedBackend.answering(Duration.ZERO));
        GeneratorPool pool = pool(a, b);

        assertSame(tooLong, pool.generate(PROMPT, TokenListener.ignoring()).await());

        assertEquals(0, b.chats().size());
        assertEquals(State.READY, view(pool, "a").state());
    }

    @Test
    void with_no_backend_in_service_a_question_fails_at_once_with_the_latest_backend_failure() {
        GenerationFailure refused = new GenerationFailure.Unreachable("http://a:11434", "connection refused");
        PlayedBackend a = new PlayedBackend("a", PlayedBackend.failing(refused));
        PlayedBackend b = new PlayedBackend("b", PlayedBackend.failing(refused));
        healthy.computeIfAbsent("a", n -> new AtomicBoolean()).set(false);
        healthy.computeIfAbsent("b", n -> new AtomicBoolean()).set(false);
        GeneratorPool pool = pool(a, b);
        assertSame(refused, pool.generate(PROMPT, TokenListener.ignoring()).await());

        GenerationOutcome atOnce = pool.generate(PROMPT, TokenListener.ignoring()).outcome().toCompletableFuture()
                .getNow(null);

        assertSame(refused, atOnce);
        assertEquals(2, a.chats().size() + b.chats().size(), "no chat for the second question");
    }

    // ---- coming back ----

    @Test
    void the_health_check_brings_a_backend_back_once_it_is_ready_again() {
        PlayedBackend a = new PlayedBackend("a",
                PlayedBackend.failing(new GenerationFailure.Unreachable("http://a:11434", "connection refused")));
        PlayedBackend b = new PlayedBackend("b", PlayedBackend.answering(Duration.ZERO));
        healthy.computeIfAbsent("a", n -> new AtomicBoolean()).set(false);
        GeneratorPool pool = pool(a, b);
        generated(pool.generate(PROMPT, TokenListener.ignoring()).await());
        assertEquals(State.OUT, view(pool, "a").state());

        PlayedBackend.pause(ofMillis(400)); // past the first back-off: the check finds it still down
        assertEquals(State.OUT, view(pool, "a").state());
        assertEquals("a is down", view(pool, "a").lastError());
        a.behave(PlayedBackend.answering(Duration.ZERO));
        healthy.get("a").set(true);

        eventually(() -> view(pool, "a").state() == State.READY, "a back in service");
        int before = a.chats().size();
        generated(pool.generate(PROMPT, TokenListener.ignoring()).await());
        generated(pool.generate(PROMPT, TokenListener.ignoring()).await());
        assertTrue(a.chats().size() > before, "a takes questions again");
    }

    // ---- the end of a question ----

    @Test
    void cancelling_a_question_closes_its_chat_and_frees_the_slot() {
        PlayedBackend a = new PlayedBackend("a", PlayedBackend.hanging());
        PlayedBackend b = new PlayedBackend("b", PlayedBackend.hanging());
        GeneratorPool pool = pool(a, b);
        Generation generation = pool.generate(PROMPT, TokenListener.ignoring());
        eventually(() -> a.chats().size() == 1, "the chat started");

        generation.cancel();

        assertInstanceOf(GenerationFailure.Cancelled.class, generation.await());
        eventually(() -> a.chats().getFirst().aborted(), "the chat is aborted");
        eventually(() -> pool.running() == 0, "the slot is free");
        assertEquals(State.READY, view(pool, "a").state(), "a cancel is no failure of the backend");
        assertNull(view(pool, "a").lastError());
    }

    @Test
    void the_total_deadline_covers_the_wait_in_the_queue() {
        PlayedBackend a = new PlayedBackend("a", PlayedBackend.hanging());
        GeneratorPool pool = pool(new PoolSettings(4, ofMillis(250), ofMillis(150), ofSeconds(1), ofMillis(20)), a);
        pool.generate(PROMPT, TokenListener.ignoring());
        pool.generate(PROMPT, TokenListener.ignoring());

        long started = System.nanoTime();

        GenerationOutcome waited = pool.generate(PROMPT, TokenListener.ignoring()).await();

        GenerationFailure.DeadlineExceeded total = assertInstanceOf(GenerationFailure.DeadlineExceeded.class, waited);
        assertEquals(GenerationFailure.Deadline.TOTAL, total.deadline());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(ofMillis(290)) < 0, "ended at the pool's deadline, not the backend's later one: " + took);
    }
}
