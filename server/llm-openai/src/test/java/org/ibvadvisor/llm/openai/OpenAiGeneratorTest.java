package org.ibvadvisor.llm.openai;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.ibvadvisor.answer.generate.Generated;
import org.ibvadvisor.answer.generate.Generation;
import org.ibvadvisor.answer.generate.GenerationFailure;
import org.ibvadvisor.answer.generate.GenerationOutcome;
import org.ibvadvisor.answer.generate.Prompt;
import org.ibvadvisor.answer.generate.TokenListener;
import org.ibvadvisor.answer.text.Language;
import org.ibvadvisor.testkit.ollama.ChatScript;
import org.ibvadvisor.testkit.ollama.RecordedRequest;
import org.ibvadvisor.testkit.openai.StandInOpenAi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The generator against the stand-in OpenAI-compatible server over real HTTP: the answer and its usage, what is
 * sent (model, stream options, key), every way the server can fail, and that stopping a generation closes its
 * connection. The guard itself is tested in the answer core.
 */
class OpenAiGeneratorTest {

    private static final Prompt PROMPT = new Prompt("只根据资料回答，并在每个论断后标注 [n]。",
            "资料：[1] 生成式 AI 投资回报率为 13%。\n问题：生成式 AI 的投资回报率是多少？");
    private static final Duration END = ofSeconds(5);
    private static final String MODEL = "qwen2.5-7b-instruct";

    private final StandInOpenAi server = StandInOpenAi.start().models(MODEL);
    private final List<OpenAiGenerator> generators = new ArrayList<>();

    @AfterEach
    void closeAll() throws InterruptedException {
        generators.forEach(OpenAiGenerator::close);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (server.openConnections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        int open = server.openConnections();
        server.close();
        assertEquals(0, open, "connections left open after the generator closed");
    }

    private OpenAiSettings settings() {
        return OpenAiSettings.defaults(MODEL).withBaseUrl(server.baseUrl())
                .withTimeouts(ofSeconds(2), ofSeconds(1), ofSeconds(10));
    }

    private OpenAiGenerator generator(OpenAiSettings settings) {
        OpenAiGenerator generator = new OpenAiGenerator(settings);
        generators.add(generator);
        return generator;
    }

    private OpenAiGenerator generator() {
        return generator(settings());
    }

    private static Generated generated(GenerationOutcome outcome) {
        if (outcome instanceof GenerationFailure failure) {
            throw new AssertionError("expected an answer, got " + failure + ": " + failure.message());
        }
        return (Generated) outcome;
    }

    // ---- the answer ----

    @Test
    void a_streamed_answer_arrives_token_by_token_with_the_servers_usage() {
        server.onChat(ChatScript.tokens("生成式", " AI ", "回报率为 13% [1]。").promptEvalCount(321));
        List<String> tokens = new CopyOnWriteArrayList<>();

        Generated answer = generated(generator().generate(PROMPT, tokens::add).await());

        assertEquals(List.of("生成式", " AI ", "回报率为 13% [1]。"), tokens);
        assertEquals("生成式 AI 回报率为 13% [1]。", answer.text());
        assertEquals("stop", answer.doneReason());
        assertEquals(321, answer.promptEvalCount());
        assertEquals(3, answer.evalCount());
        assertEquals(OpenAiSettings.DEFAULT_CONTEXT_SIZE, answer.numCtx(), "the server's fixed context size");
        assertFalse(answer.promptTruncated());
        assertNotNull(answer.firstToken());
    }

    @Test
    void the_request_is_a_streamed_chat_completion_asking_for_usage_with_the_model_and_limits() {
        server.onChat(ChatScript.reply("好的。"));

        generated(generator().generate(PROMPT, TokenListener.ignoring()).await());

        RecordedRequest request = server.lastChatRequest();
        assertEquals("/v1/chat/completions", request.path());
        assertEquals(MODEL, request.model());
        assertTrue(request.json().path("stream").asBoolean());
        assertTrue(request.json().path("stream_options").path("include_usage").asBoolean());
        assertEquals(1024, request.json().path("max_tokens").asInt());
        assertEquals(0.1, request.json().path("temperature").asDouble(), 1e-9);
        assertEquals(List.of("system", "user"), request.messages().stream().map(RecordedRequest.Message::role).toList());
        assertNull(request.headers().get("authorization"), "no key, no Authorization header");
    }

    @Test
    void the_key_goes_in_a_bearer_header_and_a_wrong_key_is_an_http_error() {
        server.requireKey("sk-local-123");
        generated(generator(settings().withApiKey("sk-local-123")).generate(PROMPT, TokenListener.ignoring()).await());
        assertEquals("Bearer sk-local-123", server.lastChatRequest().headers().get("authorization"));

        GenerationFailure.HttpError refused = assertInstanceOf(GenerationFailure.HttpError.class,
                generator(settings().withApiKey("wrong")).generate(PROMPT, TokenListener.ignoring()).await());
        assertEquals(401, refused.status());
        assertTrue(refused.message().contains("Unauthorized"), refused.message());
        assertFalse(settings().withApiKey("sk-local-123").toString().contains("sk-local-123"), "the key is never shown");
    }

    @Test
    void reasoning_chunks_keep_the_stream_alive_and_never_reach_the_answer() {
        server.onChat(ChatScript.tokens("答案。").thinking("先想一想", "再想一想").tokenDelay(ofMillis(400)));

        Generated answer = generated(generator(settings().withTimeouts(ofSeconds(2), ofMillis(700), ofSeconds(10)))
                .generate(PROMPT, TokenListener.ignoring()).await());

        assertEquals("答案。", answer.text());
    }

    @Test
    void a_prompt_that_fills_the_context_size_is_flagged_as_cut() {
        server.onChat(ChatScript.reply("好的。").promptEvalCount(4090));

        Generated answer = generated(generator(settings().withContext(4096, 1024))
                .generate(PROMPT, TokenListener.ignoring()).await());

        assertTrue(answer.promptTruncated());
        assertEquals(4096, answer.numCtx());
    }

    @Test
    void an_answer_cut_at_max_tokens_says_so() {
        server.onChat(ChatScript.reply("好的").doneReason("length"));

        assertTrue(generated(generator().generate(PROMPT, TokenListener.ignoring()).await()).cutShort());
    }

    // ---- failures ----

    @Test
    void nothing_listening_is_unreachable_with_the_fix_for_an_openai_compatible_server() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }

        GenerationFailure.Unreachable unreachable = assertInstanceOf(GenerationFailure.Unreachable.class,
                generator(settings().withBaseUrl("http://127.0.0.1:" + port + "/v1"))
                        .generate(PROMPT, TokenListener.ignoring()).await());

        assertEquals(GenerationFailure.Server.OPENAI_COMPATIBLE, unreachable.server());
        assertTrue(unreachable.message().contains("--llm"), unreachable.message());
        assertFalse(unreachable.message(Language.ZH).contains("ollama serve"), unreachable.message(Language.ZH));
    }

    @Test
    void an_unknown_model_is_model_not_found() {
        GenerationFailure.ModelNotFound missing = assertInstanceOf(GenerationFailure.ModelNotFound.class,
                generator(new OpenAiSettings(server.baseUrl(), "llama-3-70b", null, 0.1, 16384, 1024, ofSeconds(2),
                        ofSeconds(1), ofSeconds(10), 2, 8)).generate(PROMPT, TokenListener.ignoring()).await());

        assertEquals("llama-3-70b", missing.model());
        assertTrue(missing.message().contains("/models"), missing.message());
    }

    @Test
    void a_5xx_is_an_http_error_with_the_servers_own_text() {
        server.onChat(ChatScript.status(500, "CUDA out of memory"));

        GenerationFailure.HttpError error = assertInstanceOf(GenerationFailure.HttpError.class,
                generator().generate(PROMPT, TokenListener.ignoring()).await());

        assertEquals(500, error.status());
        assertEquals("CUDA out of memory", error.detail());
        assertTrue(error.message().startsWith("The LLM server answered HTTP 500"), error.message());
    }

    @Test
    void a_stream_cut_mid_answer_is_broken_after_the_tokens_already_delivered() {
        server.onChat(ChatScript.tokens("生成式", " AI").thenCut());
        List<String> tokens = new CopyOnWriteArrayList<>();

        GenerationOutcome outcome = generator().generate(PROMPT, tokens::add).await();

        assertInstanceOf(GenerationFailure.StreamBroken.class, outcome);
        // The JDK's streamed body may drop bytes received but not yet read when the connection fails (as for
        // Ollama's cut connections): what was delivered is a prefix of what was sent, never anything else.
        List<String> sent = List.of("生成式", " AI");
        assertEquals(sent.subList(0, tokens.size()), tokens);
    }

    @Test
    void a_stream_that_ends_without_done_is_broken_not_an_answer() {
        server.onChat(ChatScript.tokens("生成式", " AI").thenEndWithoutDone());

        GenerationFailure.StreamBroken broken = assertInstanceOf(GenerationFailure.StreamBroken.class,
                generator().generate(PROMPT, TokenListener.ignoring()).await());

        assertTrue(broken.detail().contains("[DONE]"), broken.detail());
    }

    @Test
    void an_error_object_in_the_stream_is_broken_with_the_servers_text() {
        server.onChat(ChatScript.tokens("生成式").thenErrorLine("engine dead"));

        GenerationFailure.StreamBroken broken = assertInstanceOf(GenerationFailure.StreamBroken.class,
                generator().generate(PROMPT, TokenListener.ignoring()).await());

        assertTrue(broken.detail().contains("engine dead"), broken.detail());
    }

    @Test
    void a_server_that_never_answers_misses_the_first_token_deadline_and_its_connection_is_closed() {
        server.onChat(ChatScript.stall());

        GenerationFailure.DeadlineExceeded deadline = assertInstanceOf(GenerationFailure.DeadlineExceeded.class,
                generator(settings().withTimeouts(ofMillis(400), ofSeconds(1), ofSeconds(10)))
                        .generate(PROMPT, TokenListener.ignoring()).await());

        assertEquals(GenerationFailure.Deadline.FIRST_TOKEN, deadline.deadline());
        assertEquals(RecordedRequest.EndKind.CLIENT_GONE, server.lastChatRequest().awaitEnding(END).kind());
    }

    @Test
    void a_stall_mid_answer_misses_the_idle_deadline() {
        server.onChat(ChatScript.tokens("生成式").thenStall());

        GenerationFailure.DeadlineExceeded deadline = assertInstanceOf(GenerationFailure.DeadlineExceeded.class,
                generator(settings().withTimeouts(ofSeconds(2), ofMillis(400), ofSeconds(10)))
                        .generate(PROMPT, TokenListener.ignoring()).await());

        assertEquals(GenerationFailure.Deadline.IDLE, deadline.deadline());
        assertEquals(RecordedRequest.EndKind.CLIENT_GONE, server.lastChatRequest().awaitEnding(END).kind());
    }

    @Test
    void cancelling_closes_the_connection_mid_answer() {
        server.onChat(ChatScript.reply("生成式人工智能正在改变企业的运营方式。").tokenDelay(ofMillis(100)));
        List<String> tokens = new CopyOnWriteArrayList<>();
        Generation generation = generator().generate(PROMPT, tokens::add);
        long deadline = System.nanoTime() + END.toNanos();
        while (tokens.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }

        generation.cancel();

        assertInstanceOf(GenerationFailure.Cancelled.class, generation.await());
        RecordedRequest.Ending ending = server.lastChatRequest().awaitEnding(END);
        assertEquals(RecordedRequest.EndKind.CLIENT_GONE, ending.kind());
        assertTrue(ending.contentChunksWritten() < 19, "stopped early: " + ending.contentChunksWritten());
    }

    // ---- the probe ----

    @Test
    void the_probe_says_ready_model_missing_or_unreachable() throws Exception {
        assertInstanceOf(OpenAiHealth.Ready.class, generator().probe());

        OpenAiHealth.ModelMissing missing = assertInstanceOf(OpenAiHealth.ModelMissing.class,
                generator(new OpenAiSettings(server.baseUrl(), "other", null, 0.1, 16384, 1024, ofSeconds(2),
                        ofSeconds(1), ofSeconds(10), 2, 8)).probe());
        assertEquals(List.of(MODEL), missing.available());

        server.requireKey("sk-1");
        OpenAiHealth.Unreachable badKey = assertInstanceOf(OpenAiHealth.Unreachable.class, generator().probe());
        assertTrue(badKey.detail().contains("401"), badKey.detail());
        assertInstanceOf(OpenAiHealth.Ready.class, generator(settings().withApiKey("sk-1")).probe());

        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        assertInstanceOf(OpenAiHealth.Unreachable.class,
                generator(settings().withBaseUrl("http://127.0.0.1:" + port)).probe());
    }

    @Test
    void a_base_url_without_a_path_gets_v1() {
        assertEquals("http://gpu2:8000/v1", settings().withBaseUrl("http://gpu2:8000/").baseUrl());
        assertEquals("http://gw:4000/openai", settings().withBaseUrl("http://gw:4000/openai").baseUrl());
    }
}
