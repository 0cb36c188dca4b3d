package org.ibvadvisor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ibvadvisor.testkit.ollama.StandInOllama;
import org.ibvadvisor.cli.wiring.Advisor;
import org.ibvadvisor.cli.wiring.StandInAnswers;
import org.ibvadvisor.cli.wiring.TestAdvisors;
import org.ibvadvisor.testing.BundledIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./advisor ask} against the index directly and against a running advisor, with a stand-in Ollama. */
class AskCommandTest {
    private static final String QUESTION = "2023 年至 2025 年间，平均计算成本预计会攀升多少？";
    /** A reference line: {@code [n] title › section (report-id, chars start–end)}. */
    private static final Pattern REFERENCE = Pattern.compile("(?m)^\\[(\\d+)] .+ \\(([a-z0-9-]+), chars (\\d+)–(\\d+)\\)$");

    @TempDir
    static Path temp;

    private static StandInOllama ollama;
    private static Path index;

    @BeforeAll
    static void start() {
        ollama = StandInOllama.start();
        ollama.onChat(StandInAnswers.citing(Duration.ZERO));
        index = BundledIndex.copyTo(temp.resolve("index"));
    }

    @AfterAll
    static void stop() {
        if (ollama != null) ollama.close();
    }

    private static CliRun ask(String ollamaUrl, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("ask", "--index", index.toString(), "--corpus",
                BundledIndex.corpus().toString(), "--data", temp.resolve("data").toString(), "--ollama-url", ollamaUrl));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void ask_prints_the_answer_once_then_its_warnings_and_numbered_references() {
        CliRun run = ask(ollama.baseUrl(), QUESTION);

        assertEquals(0, run.exitCode(), run.err());
        String figure = StandInAnswers.statedFigure(ollama.lastChatRequest()).orElseThrow();
        String said = "报告指出，" + figure + " 的受访者持这一看法 [1]。";
        assertEquals(1, count(run.out(), said), "the answer is printed once: " + run.out());
        assertTrue(run.out().contains("(qwen2.5:7b)"), run.out());
        assertTrue(run.out().contains("! 以下数字在所引资料中找不到，未经核实：" + StandInAnswers.UNSUPPORTED_FIGURE), run.out());
        int references = run.out().indexOf("\nReferences:\n");
        assertTrue(references > run.out().indexOf(said), "references follow the answer: " + run.out());
        Matcher lines = REFERENCE.matcher(run.out().substring(references));
        List<String> numbers = lines.results().map(m -> m.group(1)).toList();
        assertEquals(List.of("1", "2"), numbers, run.out());
        assertTrue(REFERENCE.matcher(run.out()).results().anyMatch(m -> m.group(2).equals("genai-compute-economics")));
    }

    @Test
    void ask_without_ollama_answers_extractively_and_says_why() {
        StandInOllama gone = StandInOllama.start();
        String url = gone.baseUrl();
        gone.close();

        CliRun run = ask(url, QUESTION);

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("[extractive: LLM offline — showing the cited passages]"), run.out());
        assertTrue(run.out().contains("! 无法连接大模型服务 Ollama（" + url) && run.out().contains("`ollama serve`"), run.out());
        assertEquals(1, count(run.out(), "以下是报告中与问题最相关的原文"), "the extract is printed once: " + run.out());
        assertTrue(run.out().replaceAll("\\s", "").contains("平均计算成本将攀升89%"), run.out());
        assertTrue(REFERENCE.matcher(run.out()).find(), run.out());
    }

    @Test
    void ask_keeps_to_the_reports_named_with_report() {
        CliRun run = ask(ollama.baseUrl(), "--report", "ceo-genai-guide", "生成式 AI 的技术支出会增长多少？");

        assertEquals(0, run.exitCode(), run.err());
        List<String> cited = REFERENCE.matcher(run.out()).results().map(m -> m.group(2)).distinct().toList();
        assertEquals(List.of("ceo-genai-guide"), cited, run.out());
    }

    @Test
    void ask_with_server_asks_a_running_advisor() {
        try (Advisor advisor = TestAdvisors.start(temp.resolve("server-data"), ollama.baseUrl())) {
            CliRun run = CliRun.of("ask", "--server", advisor.uri().toString(), QUESTION);

            assertEquals(0, run.exitCode(), run.err());
            assertEquals(1, count(run.out(), "的受访者持这一看法 [1]。"), run.out());
            assertFalse(run.out().contains("[9]"), "the server's checked answer: " + run.out());
            assertTrue(run.out().contains("! 以下数字在所引资料中找不到，未经核实：" + StandInAnswers.UNSUPPORTED_FIGURE), run.out());
            assertEquals(List.of("1", "2"), REFERENCE.matcher(run.out()).results().map(m -> m.group(1)).toList(), run.out());
        }
    }

    @Test
    void ask_with_a_server_that_is_not_there_fails_naming_it() {
        StandInOllama gone = StandInOllama.start();
        String url = gone.baseUrl();
        gone.close();

        CliRun run = CliRun.of("ask", "--server", url, QUESTION);

        assertTrue(run.exitCode() != 0);
        assertTrue(run.err().contains("no advisor answers at " + url) && run.err().contains("./advisor serve"), run.err());
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) n++;
        return n;
    }
}
