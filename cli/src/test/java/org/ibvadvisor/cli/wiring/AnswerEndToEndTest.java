package org.ibvadvisor.cli.wiring;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ibvadvisor.llm.ollama.OllamaSettings;
import org.ibvadvisor.ingest.IngestProgress;
import org.ibvadvisor.testkit.ollama.RecordedRequest;
import org.ibvadvisor.testkit.ollama.StandInOllama;
import org.ibvadvisor.testing.BundledIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real advisor (index, retriever, answer pipeline, conversation store, HTTP) over the bundled index, with a
 * stand-in Ollama whose answer is a function of the prompt it receives ({@link StandInAnswers}).
 */
class AnswerEndToEndTest {
    private static final String COMPUTE_COST = "预计 2023 年至 2025 年间，平均计算成本将攀升多少？";

    @TempDir
    static Path data;

    private static StandInOllama ollama;
    private static Advisor advisor;
    private static AdvisorHttp http;
    private static final Map<String, String> reportTexts = new HashMap<>();

    @BeforeAll
    static void start() {
        ollama = StandInOllama.start();
        ollama.onChat(StandInAnswers.citing(Duration.ZERO));
        advisor = TestAdvisors.start(data.resolve("conversations"), ollama.baseUrl());
        http = new AdvisorHttp(advisor.uri());
    }

    @AfterAll
    static void stop() {
        if (http != null) http.close();
        if (advisor != null) advisor.close();
        if (ollama != null) ollama.close();
    }

    @Test
    void a_generated_answer_cites_exact_spans_flags_an_unsupported_figure_and_drops_a_mark_to_no_passage() {
        JsonNode answer = http.answer(COMPUTE_COST, null);

        RecordedRequest prompt = ollama.lastChatRequest();
        String figure = StandInAnswers.statedFigure(prompt).orElseThrow(() -> new AssertionError(
                "passage [1] of the prompt states a percentage: " + StandInAnswers.message(prompt, "user")));
        assertEquals("generated", answer.path("mode").asText(), answer.toPrettyString());
        assertEquals(OllamaSettings.DEFAULT_MODEL, answer.path("model").asText());
        String text = answer.path("answer").asText();
        assertTrue(text.contains(figure + " 的受访者持这一看法 [1]"), text);
        assertFalse(text.contains("[9]"), "the mark to no passage is gone: " + text);
        assertTrue(text.contains("[2]"), text);

        Set<Integer> cited = new TreeSet<>();
        for (JsonNode citation : answer.path("citations")) {
            cited.add(citation.path("n").asInt());
            String source = reportText(citation.path("report").path("id").asText());
            int start = citation.path("span").path("start").asInt();
            int end = citation.path("span").path("end").asInt();
            assertEquals(citation.path("quote").asText(), source.substring(start, end),
                    "the span of citation [" + citation.path("n").asInt() + "] is exactly its quote");
        }
        assertEquals(Set.of(1, 2), cited);
        JsonNode first = answer.path("citations").get(0);
        assertTrue(first.path("quote").asText().replaceAll("\\s", "").contains(figure),
                "[1] is quoted by the sentence stating " + figure + ": " + first.path("quote").asText());

        List<String> warnings = texts(answer.path("warnings"));
        assertTrue(warnings.stream().anyMatch(w -> w.contains(StandInAnswers.UNSUPPORTED_FIGURE)), "warnings: " + warnings);
        assertFalse(warnings.stream().anyMatch(w -> w.contains(figure) && !w.contains(StandInAnswers.UNSUPPORTED_FIGURE)),
                "the figure passage [1] states is verified: " + warnings);

        assertTrue(prompt.numCtx() != null && prompt.numCtx() >= 4096, "num_ctx set explicitly: " + prompt.numCtx());
        assertNotNull(prompt.keepAlive(), "keep_alive sent");
        assertTrue(prompt.temperature() != null && prompt.temperature() <= 0.2, "low temperature: " + prompt.temperature());
        assertTrue(StandInAnswers.message(prompt, "user").contains("问题：" + COMPUTE_COST));
    }

    @Test
    void the_chat_stream_sends_the_passages_first_then_tokens_then_the_answer_it_stores() {
        List<AdvisorHttp.Event> events = http.chat(COMPUTE_COST, null);

        List<String> names = events.stream().map(AdvisorHttp.Event::name).toList();
        assertEquals("passages", names.getFirst(), "events: " + names);
        assertEquals("done", names.getLast(), "events: " + names);
        assertTrue(names.subList(1, names.size() - 1).stream().allMatch("token"::equals), "events: " + names);
        assertTrue(names.size() > 10, "the answer streamed token by token: " + names.size() + " events");

        JsonNode passages = events.getFirst().json();
        String conversationId = passages.path("conversationId").asText();
        assertFalse(conversationId.isBlank());
        assertTrue(passages.path("passages").size() >= 2);
        for (JsonNode passage : passages.path("passages")) {
            String source = reportText(passage.path("report").path("id").asText());
            assertEquals(passage.path("text").asText(), source.substring(passage.path("span").path("start").asInt(),
                    passage.path("span").path("end").asInt()), "a passage's span is exactly its text");
        }
        StringBuilder streamed = new StringBuilder();
        events.stream().filter(e -> e.name().equals("token")).forEach(e -> streamed.append(e.json().path("text").asText()));
        JsonNode done = events.getLast().json();
        assertEquals("generated", done.path("mode").asText());
        assertEquals(conversationId, done.path("conversationId").asText());
        assertEquals(ollama.lastChatRequest().json().path("model").asText(), done.path("model").asText());
        assertTrue(streamed.toString().contains("[9]"), "the tokens are the model's own text: " + streamed);
        assertEquals(streamed.toString().replace("[2][9]", "[2]"), done.path("answer").asText(),
                "the final text is the streamed one, checked");

        JsonNode stored = http.get("/api/conversations/" + conversationId).json();
        JsonNode messages = stored.path("messages");
        assertEquals(List.of("user", "assistant"), texts(messages.findValues("role")));
        assertEquals(COMPUTE_COST, messages.get(0).path("content").asText());
        assertEquals(done.path("answer").asText(), messages.get(1).path("content").asText());
        JsonNode meta = messages.get(1).path("meta").deepCopy();
        assertTrue(meta.path("query").isTextual(), "the standalone query is kept with the answer");
        ((com.fasterxml.jackson.databind.node.ObjectNode) meta).remove("query");
        assertEquals(done, meta, "a reload shows the done event as the answer's meta");
        assertEquals(done.path("messageId").asText(), messages.get(1).path("id").asText());
    }

    @Test
    void a_follow_up_is_condensed_with_the_question_before_it() {
        JsonNode first = http.answer(COMPUTE_COST, null);
        String conversationId = first.path("conversationId").asText();
        int before = ollama.chatRequests().size();

        JsonNode second = http.answer("那主要原因是什么？", conversationId);

        List<RecordedRequest> sent = ollama.chatRequests().subList(before, ollama.chatRequests().size());
        assertEquals(2, sent.size(), "one request to condense, one to answer");
        RecordedRequest condensing = sent.get(0);
        assertTrue(StandInAnswers.isCondensing(condensing));
        assertTrue(StandInAnswers.message(condensing, "user").contains(COMPUTE_COST), "the condensing prompt holds the first question");
        String query = StandInAnswers.reply(condensing);
        assertTrue(StandInAnswers.message(sent.get(1), "user").contains("（结合上文，即：" + query + "）"),
                "the answer prompt gives the condensed question: " + StandInAnswers.message(sent.get(1), "user"));

        assertEquals(conversationId, second.path("conversationId").asText());
        JsonNode messages = http.get("/api/conversations/" + conversationId).json().path("messages");
        assertEquals(4, messages.size());
        assertEquals(query, messages.get(3).path("meta").path("query").asText(), "the standalone query is stored");
        assertTrue(query.contains("平均计算成本将攀升"), query);
        assertEquals("generated", second.path("mode").asText());
    }

    @Test
    void without_ollama_the_answer_is_extractive_and_says_where_it_looked_and_what_to_do() {
        StandInOllama gone = StandInOllama.start();
        String url = gone.baseUrl();
        gone.close();
        try (Advisor offline = TestAdvisors.start(data.resolve("offline"), url);
             AdvisorHttp client = new AdvisorHttp(offline.uri())) {
            JsonNode answer = client.answer(COMPUTE_COST, null);

            assertEquals("extractive", answer.path("mode").asText(), answer.toPrettyString());
            assertTrue(answer.path("model").isNull());
            List<String> warnings = texts(answer.path("warnings"));
            assertTrue(warnings.stream().anyMatch(w -> w.contains(url) && w.contains("ollama serve") && w.contains("--ollama-url")),
                    "the warning names the URL and the fix: " + warnings);
            assertFalse(answer.path("citations").isEmpty(), "the extractive answer cites its sentences");
            assertTrue(answer.path("answer").asText().replaceAll("\\s", "").contains("89%"), answer.path("answer").asText());
            for (JsonNode citation : answer.path("citations")) {
                String source = reportText(citation.path("report").path("id").asText());
                assertEquals(citation.path("quote").asText(), source.substring(citation.path("span").path("start").asInt(),
                        citation.path("span").path("end").asInt()));
            }

            JsonNode followUp = client.answer("那主要原因是什么？", answer.path("conversationId").asText());
            JsonNode stored = client.get("/api/conversations/" + answer.path("conversationId").asText()).json();
            String query = stored.path("messages").get(3).path("meta").path("query").asText();
            assertEquals("extractive", followUp.path("mode").asText());
            assertTrue(query.contains("平均计算成本") && query.contains("主要原因"),
                    "without the LLM the follow-up carries the first question's terms: " + query);
        }
    }

    @Test
    void a_model_that_is_not_pulled_is_named_with_the_pull_command() {
        try (Advisor missing = Advisor.start(TestAdvisors.config(BundledIndex.path(), data.resolve("missing"),
                ollama.baseUrl(), "qwen3:8b"), IngestProgress.NONE);
             AdvisorHttp client = new AdvisorHttp(missing.uri())) {
            JsonNode answer = client.answer(COMPUTE_COST, null);

            assertEquals("extractive", answer.path("mode").asText());
            List<String> warnings = texts(answer.path("warnings"));
            assertTrue(warnings.stream().anyMatch(w -> w.contains("qwen3:8b") && w.contains("ollama pull qwen3:8b")
                    && w.contains(ollama.baseUrl())), "warnings: " + warnings);
        }
    }

    @Test
    void a_question_the_reports_do_not_cover_is_refused_without_asking_the_model() {
        int before = ollama.chatRequests().size();

        // A year and figure no report gives. (Refusal recall is limited: "IBM 2030 年在南极洲的数据中心有多少台服务器？"
        // scores 0.68 against the 0.65 threshold and is answered; see eval/reports/experiments.md.)
        JsonNode answer = http.answer("2031 年全球 AI 基础设施支出是多少美元？", null);

        assertEquals("refused", answer.path("mode").asText(), answer.toPrettyString());
        assertEquals(before, ollama.chatRequests().size(), "no generation for a refused question");
        assertFalse(answer.path("answer").asText().isBlank());
    }

    @Test
    void reports_list_their_starter_questions_and_health_counts_the_index() {
        JsonNode reports = http.get("/api/reports").json().path("reports");
        assertEquals(5, reports.size());
        StarterQuestions bundled = StarterQuestions.bundled();
        for (JsonNode report : reports) {
            List<String> starters = texts(report.path("starterQuestions"));
            assertFalse(starters.isEmpty(), "starters of " + report.path("id").asText());
            assertEquals(bundled.forReport(report.path("id").asText()), starters);
        }
        JsonNode health = http.get("/api/health").json();
        assertEquals("ok", health.path("status").asText());
        assertEquals(5, health.path("reports").asInt());
        assertEquals(BundledIndex.summary().chunksInIndex(), health.path("chunks").asInt());
    }

    private static String reportText(String reportId) {
        return reportTexts.computeIfAbsent(reportId, id -> {
            AdvisorHttp.Reply reply = http.get("/api/reports/" + id + "/text");
            assertEquals(200, reply.status(), reply.body());
            return reply.json().path("text").asText();
        });
    }

    private static List<String> texts(Iterable<JsonNode> nodes) {
        List<String> out = new ArrayList<>();
        nodes.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        return texts((Iterable<JsonNode>) array);
    }
}
