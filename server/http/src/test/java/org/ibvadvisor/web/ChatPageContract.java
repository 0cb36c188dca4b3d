package org.ibvadvisor.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;

/**
 * What the chat page must do against any server that keeps the HTTP contract (web/README.md). A subclass
 * names the server ({@link #baseUrl()}) and the questions it answers in each way; this one runs against
 * {@link FakeAdvisorApi}, and the same tests can be pointed at the real server with the stand-in Ollama.
 */
abstract class ChatPageContract {

    static BrowserSession browser;

    @BeforeAll
    static void startBrowser() {
        browser = new BrowserSession();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.close();
    }

    /** The server's root URL, ending in "/". */
    protected abstract String baseUrl();

    /**
     * A question the server answers in generated mode with at least one [n] citation, its tokens a few
     * milliseconds apart (a stand-in LLM that sends the whole answer at once cannot show streaming).
     */
    protected abstract String answerableQuestion();

    /** A follow-up to {@link #answerableQuestion()}, also answered with a citation. */
    protected abstract String followUpQuestion();

    /** A question answered in extractive mode (the LLM unreachable), or null to skip that test. */
    protected String extractiveQuestion() {
        return null;
    }

    /** A question whose streamed answer contains markup meant to run script, or null to skip. */
    protected String questionWithMarkupInAnswer() {
        return null;
    }

    /** The server to send hostile input to: ideally one without a Content-Security-Policy, so the sanitiser alone is tested. */
    protected String baseUrlForHostileInput() {
        return baseUrl();
    }

    /** A prefix for this server's screenshot files. */
    protected abstract String screenshotPrefix();

    protected ChatPage page() {
        browser.resize(BrowserSession.DESKTOP);
        return new ChatPage(browser.driver(), baseUrl());
    }

    @Test
    void an_answer_streams_in_after_its_sources_and_its_citations_open_the_highlighted_passage() {
        var page = page().openFresh();
        browser.severeConsoleMessages();
        page.recordProgress();

        var answer = page.askAndWait(answerableQuestion());

        assertEquals("done", page.status(answer));
        List<Map<String, Object>> progress = page.recordedProgress();
        var firstText = progress.stream().filter(p -> ((Number) p.get("length")).intValue() > 0).findFirst();
        assertTrue(firstText.isPresent(), "the answer text appeared before the answer finished: " + progress);
        assertTrue(((Number) firstText.get().get("sources")).intValue() > 0,
                "sources were shown before the first token arrived: " + progress);
        var lengths = progress.stream().map(p -> ((Number) p.get("length")).intValue()).filter(n -> n > 0).distinct().count();
        assertTrue(lengths >= 2, "the answer grew token by token, seen at " + lengths + " lengths: " + progress);
        assertFalse(page.sourceCards(answer).isEmpty());
        var chips = page.chips(answer);
        assertFalse(chips.isEmpty(), "[n] became citation chips in: " + page.answerText(answer));
        browser.screenshot(screenshotPrefix() + "desktop-answer");

        var chip = chips.get(0);
        page.openSource(chip);
        assertAll(
                () -> assertTrue(page.panelTitle().contains("[" + chip.getText() + "]"), page.panelTitle()),
                () -> assertFalse(page.panelReport().isBlank(), "the report title is shown"),
                () -> assertTrue(page.panelText().contains(page.panelHighlight()), "the quote is highlighted inside the passage"),
                () -> assertFalse(page.panelHighlight().isBlank()));
        assertEquals("panel-title", browser.driver().switchTo().activeElement().getDomAttribute("id"), "focus moved to the panel");
        browser.screenshot(screenshotPrefix() + "desktop-source-panel");

        var inReport = page.showInReport();
        assertFalse(inReport.isBlank());
        page.waiting().until(d -> page.reportHighlightInView());
        assertTrue(page.reportText().contains(inReport));
        browser.screenshot(screenshotPrefix() + "desktop-show-in-report");

        assertEquals(List.of(), browser.severeConsoleMessages(), "no errors in the console (CSP violations included)");
    }

    @Test
    void an_answer_keeps_growing_while_its_tab_is_hidden() throws InterruptedException {
        var page = page().openFresh();
        page.recordProgress();
        var chatTab = browser.driver().getWindowHandle();

        page.ask(answerableQuestion());
        browser.driver().switchTo().newWindow(WindowType.TAB); // the asker looks at another tab for a while
        Thread.sleep(1500);
        browser.driver().close();
        browser.driver().switchTo().window(chatTab);
        var answer = page.waitForAnswer();

        assertEquals("done", page.status(answer));
        var whileHidden = page.recordedProgress().stream().filter(p -> "hidden".equals(p.get("visibility"))).toList();
        assertTrue(whileHidden.stream().anyMatch(p -> ((Number) p.get("length")).intValue() > 0),
                "the answer text was drawn while its tab was hidden (browsers pause animation frames there): "
                        + page.recordedProgress());
        assertFalse(page.chips(answer).isEmpty());
    }

    @Test
    void a_follow_up_stays_in_the_conversation_which_survives_a_reload() {
        var page = page().openFresh();
        page.askAndWait(answerableQuestion());
        var conversationId = page.conversationIdInLocation();
        assertNotNull(conversationId, "the conversation is named in the address, so a reload finds it");
        page.askAndWait(followUpQuestion());
        assertEquals(conversationId, page.conversationIdInLocation(), "the follow-up continued the conversation");
        assertEquals(List.of(answerableQuestion(), followUpQuestion()), page.questions());
        page.waiting().until(d -> page.activeConversationTitle() != null);

        page.reload();

        assertEquals(List.of(answerableQuestion(), followUpQuestion()), page.questions());
        assertEquals(2, page.answers().size());
        assertNotNull(page.activeConversationTitle(), "the conversation is selected in the list");
        var chips = page.chips(page.answers().get(0));
        assertFalse(chips.isEmpty(), "stored answers keep their citation chips");
        page.openSource(chips.get(0));
        assertFalse(page.panelHighlight().isBlank(), "a stored citation shows its quote in the report's context");
        browser.screenshot(screenshotPrefix() + "desktop-reloaded-conversation");
    }

    @Test
    void markup_in_a_question_is_shown_as_text_and_never_runs() {
        var hostile = "<img src=x onerror=window.__xss=1><script>window.__xss=1</script> 这段标记会执行吗？";
        var page = new ChatPage(browser.driver(), baseUrlForHostileInput()).openFresh();

        page.askAndWait(hostile);

        assertFalse(page.xssRan());
        assertEquals(List.of(hostile), page.questions());
        assertTrue(page.all("#thread img, #thread script, #thread iframe").isEmpty());
        page.waiting().until(d -> page.conversationTitles().stream().anyMatch(t -> t.startsWith("<img")));
        assertFalse(page.xssRan());
    }

    @Test
    void markup_in_a_streamed_answer_and_its_sources_never_runs() {
        assumeTrue(questionWithMarkupInAnswer() != null, "this server has no scripted hostile answer");
        var page = new ChatPage(browser.driver(), baseUrlForHostileInput()).openFresh();

        var answer = page.askAndWait(questionWithMarkupInAnswer());

        assertEquals("done", page.status(answer));
        assertFalse(page.xssRan());
        assertTrue(answer.findElements(By.cssSelector("img, script, iframe, [onerror], a[href^='javascript']")).isEmpty(),
                "the sanitiser removed what could run");
        var chips = page.chips(answer);
        if (!chips.isEmpty()) {
            page.openSource(chips.get(0));
            page.showInReport();
            assertFalse(page.xssRan());
        }
        for (var card : page.sourceCards(answer)) {
            card.click();
            assertFalse(page.xssRan());
        }
        assertFalse(page.xssRan());
    }

    @Test
    void an_extractive_answer_says_plainly_that_the_llm_is_offline() {
        assumeTrue(extractiveQuestion() != null, "this server cannot be asked for an extractive answer");
        var page = page().openFresh();

        var answer = page.askAndWait(extractiveQuestion());

        assertEquals("done", page.status(answer));
        assertEquals("LLM 离线 — 显示引用的原文段落", page.modeLabel(answer));
        assertFalse(page.chips(answer).isEmpty(), "the extractive answer cites its passages");
        browser.screenshot(screenshotPrefix() + "desktop-extractive");
    }
}
