package org.ibvadvisor.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.ibvadvisor.testkit.ollama.ChatScript;
import org.ibvadvisor.testkit.ollama.StandInOllama;
import org.ibvadvisor.cli.wiring.Advisor;
import org.ibvadvisor.cli.wiring.StandInAnswers;
import org.ibvadvisor.cli.wiring.TestAdvisors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The page contract against the real advisor (bundled index, answer pipeline, H2 store, Javalin) with a stand-in
 * Ollama that answers from the prompt ({@link StandInAnswers}), its tokens 80 ms apart so that streaming shows even
 * on a loaded machine; plus what only the real stack shows: the checker's warning marked in the text, an Ollama that
 * is down, the starter questions.
 */
class ChatPageAgainstRealServerTest extends ChatPageContract {
    private static final String ANSWERABLE = "2023 年至 2025 年间，平均计算成本预计会攀升多少？";
    /** Put in a question, it makes the stand-in answer 404 model-not-found (the LLM offline). */
    private static final String NOT_PULLED = "（模型未安装）";

    @TempDir
    static Path data;

    private static StandInOllama ollama;
    private static Advisor advisor;

    @BeforeAll
    static void startAdvisor() {
        ollama = StandInOllama.start();
        var answers = StandInAnswers.citing(Duration.ofMillis(80)); // far enough apart to see the answer grow on a loaded machine
        ollama.onChat(request -> StandInAnswers.message(request, "user").contains(NOT_PULLED)
                ? ChatScript.modelNotFound(request.model()) : answers.apply(request));
        advisor = TestAdvisors.start(data.resolve("conversations"), ollama.baseUrl());
    }

    @AfterAll
    static void stopAdvisor() {
        if (advisor != null) advisor.close();
        if (ollama != null) ollama.close();
    }

    @Override protected String baseUrl() { return advisor.uri().toString(); }
    @Override protected String answerableQuestion() { return ANSWERABLE; }
    @Override protected String followUpQuestion() { return "那主要原因是什么？"; }
    @Override protected String extractiveQuestion() { return ANSWERABLE + NOT_PULLED; }
    @Override protected String questionWithMarkupInAnswer() { return ANSWERABLE + StandInAnswers.MARKUP_TRIGGER; }
    @Override protected String screenshotPrefix() { return "real-"; }

    @Test
    void the_figure_no_passage_states_is_marked_unverified_in_the_answer() {
        var page = page().openFresh();

        var answer = page.askAndWait(ANSWERABLE);

        var marked = answer.findElements(By.cssSelector(".answer mark.unverified")).stream()
                .map(m -> (String) page.script("return arguments[0].textContent;", m)).toList();
        assertEquals(1, marked.size(), "marked: " + marked);
        assertTrue(marked.getFirst().startsWith(StandInAnswers.UNSUPPORTED_FIGURE), marked.getFirst());
        assertFalse(page.answerText(answer).contains("[9]"), "the mark to no passage is not shown");
        assertEquals(List.of("1", "2"), page.chips(answer).stream().map(c -> c.getText()).distinct().toList());
    }

    @Test
    void when_ollama_is_down_the_answer_is_labelled_extractive_and_names_the_fix() {
        var gone = StandInOllama.start();
        var url = gone.baseUrl();
        gone.close();
        try (var offline = TestAdvisors.start(data.resolve("offline"), url)) {
            var page = new ChatPage(browser.driver(), offline.uri().toString()).openFresh();

            var answer = page.askAndWait(ANSWERABLE);

            assertEquals("done", page.status(answer));
            assertEquals("LLM 离线 — 显示引用的原文段落", page.modeLabel(answer));
            assertFalse(page.chips(answer).isEmpty(), "the extractive answer cites its sentences");
            assertTrue(answer.getText().contains(url) && answer.getText().contains("ollama serve"),
                    "the reason and the fix are shown: " + answer.getText());
            browser.screenshot("real-desktop-ollama-down");
        }
    }

    @Test
    void the_starter_questions_of_every_report_show_and_one_is_answered_when_chosen() {
        var page = page().openFresh();
        assertEquals(5, page.all("#starters .starter-card").size());
        var starters = page.all("#starters .starter");
        assertEquals(15, starters.size(), "three per report");
        browser.screenshot("real-desktop-welcome");

        var chosen = starters.get(0).getText();
        starters.get(0).click();
        var answer = page.waitForAnswer();

        assertEquals(List.of(chosen), page.questions());
        assertEquals("done", page.status(answer));
        assertFalse(page.chips(answer).isEmpty());
    }
}
