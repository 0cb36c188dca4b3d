package org.ibvadvisor.answer.pipeline;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ibvadvisor.answer.Answer;
import org.ibvadvisor.answer.AnswererBusyException;
import org.ibvadvisor.answer.Citation;
import org.ibvadvisor.answer.Question;
import org.ibvadvisor.answer.Turn;
import org.ibvadvisor.answer.TurnAnswer;
import org.ibvadvisor.answer.fakes.BigramHashEmbedder;
import org.ibvadvisor.answer.fakes.Corpus;
import org.ibvadvisor.answer.fakes.CorpusRetriever;
import org.ibvadvisor.answer.fakes.RecordingListener;
import org.ibvadvisor.answer.generate.Generation;
import org.ibvadvisor.llm.ollama.OllamaGenerator;
import org.ibvadvisor.llm.ollama.OllamaSettings;
import org.ibvadvisor.answer.generate.Prompt;
import org.ibvadvisor.answer.generate.TokenListener;
import org.ibvadvisor.testkit.ollama.ChatScript;
import org.ibvadvisor.testkit.ollama.RecordedRequest;
import org.ibvadvisor.testkit.ollama.StandInOllama;
import org.ibvadvisor.retrieval.UnknownReportException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole pipeline: the stand-in Ollama over real HTTP behind the real generator, a retriever over passages cut
 * from the corpus, and a bigram-hashing test embedder.
 */
class AnswerPipelineTest {

    static final String QUESTION = "到 2026 年，全球 2000 强企业的收入有多大比例会来自数字产品、服务和体验？";
    static final String EVIDENCE = "40% 将来自";
    private static final Duration END = ofSeconds(5);

    private final Corpus corpus = Corpus.bundled();
    private final CorpusRetriever retriever = new CorpusRetriever(corpus);
    private final StandInOllama ollama = StandInOllama.start();
    private final List<OllamaGenerator> generators = new ArrayList<>();

    @AfterEach
    void close() {
        generators.forEach(OllamaGenerator::close);
        ollama.close();
    }

    private OllamaSettings settings() {
        return OllamaSettings.defaults().withBaseUrl(ollama.baseUrl())
                .withTimeouts(ofSeconds(3), ofSeconds(2), ofSeconds(8));
    }

    private AnswerPipeline pipeline(OllamaSettings ollamaSettings, AnswerSettings answerSettings) {
        OllamaGenerator generator = new OllamaGenerator(ollamaSettings);
        generators.add(generator);
        return AnswerPipeline.standard(retriever, generator, ollamaSettings.model(), new BigramHashEmbedder(),
                answerSettings);
    }

    private AnswerPipeline pipeline() {
        return pipeline(settings(), AnswerSettings.defaults());
    }

    private static Answer ask(AnswerPipeline pipeline, String question, RecordingListener listener) {
        return pipeline.answer(new Question(question, null, Set.of()), List.of(), listener).answer();
    }

    /** The number the prompt gave to the passage holding {@code text}. */
    static int numberOf(RecordedRequest request, String text) {
        String user = request.messages().getLast().content();
        int at = user.indexOf(text);
        if (at < 0) {
            throw new AssertionError("the prompt holds no '" + text + "': " + user);
        }
        Matcher header = Pattern.compile("(?m)^\\[(\\d+)] 《").matcher(user.substring(0, at));
        int n = -1;
        while (header.find()) {
            n = Integer.parseInt(header.group(1));
        }
        return n;
    }

    /** Answers with {@code template}, its {@code {n}} replaced by the number of the passage holding the evidence. */
    private void answerWith(String template) {
        ollama.onChat(request -> ChatScript.reply(template.replace("{n}", String.valueOf(numberOf(request, EVIDENCE)))));
    }

    private void assertQuotesAreExact(Answer answer) {
        assertFalse(answer.citations().isEmpty(), "no citations");
        for (Citation c : answer.citations()) {
            String source = corpus.report(c.reportId()).source();
            assertEquals(c.quote(), source.substring(c.start(), c.end()), "quote of [" + c.n() + "]");
        }
    }

    // ---- generated ----

    @Test
    void a_generated_answer_streams_after_the_passages_and_cites_the_passage_it_took_its_figure_from() {
        answerWith("到 2026 年，全球 2000 强企业总收入的 40% 将来自数字产品、服务和体验[{n}]。");
        RecordingListener listener = new RecordingListener();

        Answer answer = ask(pipeline(), QUESTION, listener);

        int n = numberOf(ollama.lastChatRequest(), EVIDENCE);
        assertEquals("qwen2.5:7b", assertInstanceOf(Answer.Generated.class, answer).model());
        assertEquals("到 2026 年，全球 2000 强企业总收入的 40% 将来自数字产品、服务和体验[" + n + "]。", answer.text());
        assertEquals(List.of(), answer.warnings());
        assertEquals(1, answer.citations().size());
        Citation citation = answer.citations().getFirst();
        assertEquals(n, citation.n());
        assertEquals(listener.passages().get(n - 1).id(), citation.passageId());
        assertTrue(citation.quote().contains("40%"), citation.quote());
        assertQuotesAreExact(answer);
        assertEquals("passages", listener.kinds().getFirst());
        assertTrue(listener.kinds().stream().skip(1).allMatch("token"::equals));
        assertEquals(answer.text(), listener.streamed());
        String caller = Thread.currentThread().getName();
        assertTrue(listener.events().stream().allMatch(e -> e.thread().equals(caller)), "listener called off-thread");
        assertEquals(5, listener.passages().size());
        assertTrue(answer.timings().retrieveMs() >= 0 && answer.timings().firstTokenMs() > answer.timings().retrieveMs()
                && answer.timings().totalMs() >= answer.timings().firstTokenMs(), answer.timings().toString());
    }

    @Test
    void a_mark_pointing_to_no_passage_is_streamed_but_dropped_from_the_answer() {
        answerWith("收入的 40% 将来自数字产品、服务和体验[{n}][9]。");

        RecordingListener listener = new RecordingListener();
        Answer answer = ask(pipeline(), QUESTION, listener);

        assertTrue(listener.streamed().contains("[9]"));
        assertFalse(answer.text().contains("[9]"), answer.text());
        assertEquals(1, answer.citations().size());
    }

    @Test
    void a_figure_the_cited_passage_does_not_state_is_flagged_and_the_one_it_states_is_not() {
        answerWith("收入的 40% 将来自数字产品[{n}]，其中 45% 来自服务[{n}]。");

        Answer answer = ask(pipeline(), QUESTION, new RecordingListener());

        assertEquals(1, answer.warnings().size(), answer.warnings().toString());
        assertTrue(answer.warnings().getFirst().contains("45%"), answer.warnings().getFirst());
        assertFalse(answer.warnings().getFirst().contains("40%"), answer.warnings().getFirst());
    }

    @Test
    void an_english_question_is_prompted_in_english_for_an_english_answer() {
        ollama.onChat(ChatScript.reply("By 2026, 40% of Global 2000 revenue will come from digital products [1]."));

        ask(pipeline(), "What share of Global 2000 revenue will come from digital products, services and experiences by 2026?",
                new RecordingListener());

        List<RecordedRequest.Message> messages = ollama.lastChatRequest().messages();
        assertEquals("system", messages.getFirst().role());
        assertTrue(messages.getFirst().content().contains("answer in English"), messages.getFirst().content());
        assertTrue(messages.getLast().content().contains("Question: What share"), messages.getLast().content());
    }

    // ---- refused ----

    @Test
    void below_the_threshold_the_reports_are_said_not_to_cover_it_with_the_nearest_findings_cited_and_no_llm_call() {
        retriever.confidence(0.1);
        RecordingListener listener = new RecordingListener();

        Answer answer = ask(pipeline(), "新加坡的金融业在生成式 AI 上投入了多少？", listener);

        assertInstanceOf(Answer.Refused.class, answer); // a refused answer has no model
        assertTrue(answer.text().startsWith("这些报告没有涉及这个问题。"), answer.text());
        assertQuotesAreExact(answer);
        assertTrue(answer.citations().size() <= 3);
        assertEquals(0, ollama.chatRequests().size());
        assertEquals(List.of("passages", "token"), listener.kinds());
        assertEquals(answer.text(), listener.streamed());
        assertEquals(3, listener.passages().size());
        for (Citation c : answer.citations()) {
            assertTrue(answer.text().contains("[" + c.n() + "]"));
        }
    }

    @Test
    void an_english_question_is_refused_in_english() {
        retriever.confidence(0.0);

        Answer answer = ask(pipeline(), "How much did Singapore's banks spend on generative AI?", new RecordingListener());

        assertTrue(answer.text().startsWith("The reports do not cover this question."), answer.text());
    }

    // ---- extractive ----

    static Stream<Arguments> failuresBeforeAnyToken() {
        return Stream.of(
                Arguments.of("model not pulled", ChatScript.modelNotFound("qwen2.5:7b"), "请运行 `ollama pull qwen2.5:7b`"),
                Arguments.of("HTTP 500", ChatScript.status(500, "runner crashed"), "HTTP 500：runner crashed"),
                Arguments.of("error line before any token", ChatScript.tokens().thenErrorLine("out of memory"),
                        "out of memory"),
                Arguments.of("cut before any token", ChatScript.tokens().thenCut(), "中途断开"),
                Arguments.of("thinking then cut", ChatScript.tokens().thinking("让我想想").thenCut(), "中途断开"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failuresBeforeAnyToken")
    void when_generation_fails_before_any_token_the_answer_is_extractive_with_the_reason_and_fix(String name,
            ChatScript script, String inWarning) {
        ollama.models("qwen2.5:7b").onChat(script);
        RecordingListener listener = new RecordingListener();

        Answer answer = ask(pipeline(), QUESTION, listener);

        assertExtractive(answer, listener, inWarning);
    }

    @Test
    void when_ollama_is_unreachable_the_answer_is_extractive_and_says_how_to_start_it() {
        OllamaSettings dead = settings();
        ollama.close();
        RecordingListener listener = new RecordingListener();

        Answer answer = ask(pipeline(dead, AnswerSettings.defaults()), QUESTION, listener);

        assertExtractive(answer, listener, "ollama serve");
        assertTrue(answer.warnings().getFirst().startsWith("无法连接大模型服务 Ollama（" + dead.baseUrl()), answer.warnings().getFirst());
    }

    @Test
    void when_the_model_sends_nothing_before_the_first_token_deadline_the_answer_is_extractive() {
        ollama.onChat(ChatScript.reply("太晚了").firstByteDelay(ofSeconds(3)));
        RecordingListener listener = new RecordingListener();

        Answer answer = ask(pipeline(settings().withTimeouts(ofMillis(300), ofMillis(300), ofSeconds(3)),
                AnswerSettings.defaults()), QUESTION, listener);

        assertExtractive(answer, listener, "内没有返回任何内容");
    }

    private void assertExtractive(Answer answer, RecordingListener listener, String inWarning) {
        assertInstanceOf(Answer.Extractive.class, answer); // an extractive answer has no model
        assertEquals(1, answer.warnings().size(), answer.warnings().toString());
        assertTrue(answer.warnings().getFirst().contains(inWarning), answer.warnings().getFirst());
        assertTrue(answer.text().contains("40% 将来自数字产品、服务和体验"), answer.text());
        assertTrue(answer.text().lines().filter(l -> l.startsWith("- ")).allMatch(l -> l.matches("- .+ \\[\\d+]")),
                answer.text());
        assertQuotesAreExact(answer);
        assertEquals(List.of("passages", "token"), listener.kinds());
        assertEquals(answer.text(), listener.streamed());
    }

    // ---- broken after tokens, cancelled, busy ----

    @Test
    void when_the_stream_breaks_after_tokens_were_sent_the_answer_keeps_them_with_a_warning() {
        ollama.onChat(request -> ChatScript.tokens("收入的 ", "40% ", "将来自数字产品[" + numberOf(request, EVIDENCE) + "]。", "此外")
                .thenStall());
        RecordingListener listener = new RecordingListener();

        Answer answer = ask(pipeline(settings().withTimeouts(ofSeconds(3), ofMillis(400), ofSeconds(5)),
                AnswerSettings.defaults()), QUESTION, listener);

        assertInstanceOf(Answer.Generated.class, answer);
        assertTrue(answer.text().startsWith("收入的 40% 将来自数字产品["), answer.text());
        assertEquals(listener.streamed(), answer.text());
        assertEquals(1, answer.warnings().size(), answer.warnings().toString());
        assertTrue(answer.warnings().getFirst().startsWith("回答中途中断") && answer.warnings().getFirst().contains("停止输出超过"),
                answer.warnings().getFirst());
        assertEquals(1, answer.citations().size());
    }

    @Test
    void an_asker_who_goes_away_stops_the_generation_and_its_stream_to_ollama() {
        ollama.onChat(ChatScript.reply("一二三四五六七八九十".repeat(10)).tokenDelay(ofMillis(20)));
        RecordingListener listener = new RecordingListener().cancelWhen(text -> text.length() >= 3);

        long started = System.nanoTime();
        Answer answer = ask(pipeline(), QUESTION, listener);
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        RecordedRequest.Ending ending = ollama.lastChatRequest().awaitEnding(END);
        assertEquals(RecordedRequest.EndKind.CLIENT_GONE, ending.kind());
        assertTrue(ending.contentChunksWritten() < 100, "chunks written: " + ending.contentChunksWritten());
        assertTrue(tookMs < 1500, "took " + tookMs + " ms");
        assertEquals(listener.streamed(), answer.text());
        assertTrue(answer.text().length() < 20, answer.text());
        assertTrue(answer.warnings().contains("回答已取消，内容不完整。"), answer.warnings().toString());
    }

    @Test
    void when_the_llm_queue_is_full_the_asker_is_told_to_retry_before_hearing_anything() {
        ollama.onChat(request -> request.messages().getLast().content().equals("occupied")
                ? ChatScript.stall() : ChatScript.reply("好的"));
        AnswerPipeline pipeline = pipeline(settings().withConcurrency(1, 0), AnswerSettings.defaults());
        Generation occupying = generators.getFirst().generate(new Prompt("", "occupied"), TokenListener.ignoring());
        ollama.awaitChatRequest(0, END);
        RecordingListener listener = new RecordingListener();

        AnswererBusyException busy = assertThrows(AnswererBusyException.class, () -> ask(pipeline, QUESTION, listener));

        assertTrue(busy.retryAfterSeconds() >= 1);
        assertEquals(List.of(), listener.events());
        occupying.cancel();
    }

    @Test
    void an_unknown_report_is_refused_before_the_asker_hears_anything() {
        RecordingListener listener = new RecordingListener();

        assertThrows(UnknownReportException.class, () -> pipeline().answer(
                new Question(QUESTION, null, Set.of("no-such-report")), List.of(), listener));
        assertEquals(List.of(), listener.events());
    }

    // ---- follow-ups ----

    private static final List<Turn> HISTORY = List.of(Turn.user(QUESTION, null),
            Turn.assistant("到 2026 年，这一比例为 40% [1]。"));

    @Test
    void a_follow_up_is_condensed_by_the_llm_and_the_standalone_question_retrieved_and_returned() {
        String standalone = "到 2025 年，全球 2000 强企业的收入有多大比例会来自数字产品？";
        ollama.onChat(request -> request.messages().getFirst().content().contains("追问")
                ? ChatScript.reply(standalone) : ChatScript.reply("资料没有给出 2025 年的比例。"));

        TurnAnswer turn = pipeline().answer(new Question("那 2025 年呢？", null, Set.of()), HISTORY, new RecordingListener());

        assertEquals(standalone, turn.query());
        assertEquals(standalone, retriever.lastRequest().query());
        assertEquals(2, ollama.chatRequests().size());
        String prompt = ollama.lastChatRequest().messages().getLast().content();
        assertTrue(prompt.contains("问题：那 2025 年呢？\n（结合上文，即：" + standalone + "）"), prompt);
    }

    @Test
    void without_the_llm_a_follow_up_carries_the_previous_questions_terms() {
        ollama.onChat(ChatScript.reply("资料没有给出 2025 年的比例。"));
        retriever.confidence(0.9); // about condensing, not refusing: the fake's overlap score is no calibrated confidence
        AnswerPipeline pipeline = pipeline(settings(), AnswerSettings.defaults().withCondensing(false, ofSeconds(1)));

        TurnAnswer turn = pipeline.answer(new Question("那 2025 年呢？", null, Set.of()), HISTORY, new RecordingListener());

        assertEquals("全球 2000 强企业的收入有多大比例会来自数字产品 服务和体验 那 2025 年呢？", turn.query());
        assertEquals(turn.query(), retriever.lastRequest().query());
        assertEquals(1, ollama.chatRequests().size(), "only the answer was generated");
    }
}
