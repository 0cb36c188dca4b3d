package org.ibvadvisor.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The page contract against {@link FakeAdvisorApi}, plus what only a scripted server can provoke. */
class ChatPageAgainstFakeApiTest extends ChatPageContract {

    static FakeAdvisorApi api;
    static FakeAdvisorApi apiWithoutCsp;

    @BeforeAll
    static void startApi() {
        var answers = FakeAnswers.fromProjectCorpus();
        api = new FakeAdvisorApi(answers, true);
        apiWithoutCsp = new FakeAdvisorApi(answers, false);
    }

    @AfterAll
    static void stopApi() {
        if (api != null) api.close();
        if (apiWithoutCsp != null) apiWithoutCsp.close();
    }

    @BeforeEach
    void forget() {
        api.forgetConversations();
        apiWithoutCsp.forgetConversations();
    }

    @Override protected String baseUrl() { return api.baseUrl(); }
    @Override protected String baseUrlForHostileInput() { return apiWithoutCsp.baseUrl(); }
    @Override protected String answerableQuestion() { return "CEO 如何看待生成式 AI？"; }
    @Override protected String followUpQuestion() { return "那客户服务方面呢？"; }
    @Override protected String extractiveQuestion() { return "LLM 离线时 CEO 如何看待生成式 AI？"; }
    @Override protected String questionWithMarkupInAnswer() { return "xss 测试"; }
    @Override protected String screenshotPrefix() { return ""; }

    private String lastAnswerTextContent(ChatPage page) {
        return (String) page.script("return [...document.querySelectorAll('.msg-assistant')].pop().querySelector('.answer').textContent.trim();");
    }

    @Test
    void the_page_is_served_under_a_strict_content_security_policy() {
        page().openFresh();
        var policy = browser.driver().executeAsyncScript(
                "const done = arguments[0]; fetch('/').then(r => done(r.headers.get('content-security-policy')));");
        assertEquals(FakeAdvisorApi.CONTENT_SECURITY_POLICY, policy);
    }

    @Test
    void starter_questions_show_on_an_empty_conversation_and_ask_when_chosen() {
        var page = page().openFresh();
        var starters = page.all("#starters .starter");
        assertEquals(6, starters.size(), "the starter questions of the five reports");
        browser.screenshot("desktop-welcome");

        var first = starters.get(0).getText();
        starters.get(0).click();
        page.waitForAnswer();

        assertEquals(List.of(first), page.questions());
        assertFalse(page.find("#welcome").isDisplayed());
    }

    @Test
    void a_stream_cut_inside_lines_and_characters_arrives_exactly() {
        var page = page().openFresh();
        api.hold();
        try {
            page.ask("分片测试");
            var expected = "分片测试：生成式 AI 正在重塑企业——“领导力无法自动化” 1。😀 结束";
            page.waiting().withMessage(() -> "answer so far: " + lastAnswerTextContent(page) + " / " + page.status(page.lastAnswer()))
                    .until(d -> lastAnswerTextContent(page).equals(expected));
            assertEquals("streaming", page.status(page.lastAnswer()), "the text came from the token events, before done");
            browser.screenshot("desktop-streaming");
        } finally {
            api.release();
        }
        assertEquals("done", page.status(page.waitForAnswer()));
    }

    @Test
    void stopping_an_answer_keeps_what_arrived_and_says_so() {
        var page = page().openFresh();
        api.hold();
        try {
            page.ask("分片测试");
            page.waiting().until(d -> lastAnswerTextContent(page).endsWith("结束"));
            assertEquals("停止生成", page.find("#send").getDomAttribute("aria-label"));
            page.find("#send").click();
            var answer = page.waitForAnswer();
            assertEquals("stopped", page.status(answer));
            assertTrue(answer.getText().contains("已停止生成。"));
            assertTrue(lastAnswerTextContent(page).endsWith("结束"));
            assertEquals("发送", page.find("#send").getDomAttribute("aria-label"));
        } finally {
            api.release();
        }
    }

    @Test
    void the_answer_marks_unverified_figures_and_dims_uncited_sources() {
        var page = page().openFresh();
        var answer = page.askAndWait(answerableQuestion());

        var marks = answer.findElements(By.cssSelector(".answer mark.unverified"));
        assertEquals(List.of("45%（未经核实）"), marks.stream().map(m -> (String) page.script("return arguments[0].textContent;", m)).toList());
        assertTrue(answer.getText().contains("以下数字未能在引用段落中核实：45%"));
        var cards = page.sourceCards(answer);
        assertEquals(6, cards.size());
        assertEquals(List.of("cited", "cited", "cited", "uncited", "uncited", "uncited"), cards.stream()
                .map(c -> c.getDomAttribute("class").contains("uncited") ? "uncited" : c.getDomAttribute("class").contains("cited") ? "cited" : "?")
                .toList());
        assertFalse(cards.get(5).isDisplayed(), "sources beyond the first four wait behind 'show all'");
        answer.findElement(By.cssSelector(".sources-more")).click();
        assertTrue(page.sourceCards(page.lastAnswer()).get(5).isDisplayed());
    }

    @Test
    void a_refused_answer_says_the_reports_do_not_cover_it() {
        var page = page().openFresh();
        var answer = page.askAndWait("火星基地的建设成本是多少？");
        assertEquals("报告未涉及此问题", page.modeLabel(answer));
        browser.screenshot("desktop-refused");
    }

    @Test
    void an_error_mid_stream_is_shown_with_a_retry_that_asks_again() {
        var page = page().openFresh();
        var answer = page.askAndWait("模型故障时会怎样？");
        assertEquals("error", page.status(answer));
        assertTrue(answer.findElement(By.cssSelector("[role=alert]")).getText().contains("生成超时：模型 60 秒内没有回应"));
        browser.screenshot("desktop-error");

        answer.findElement(By.cssSelector(".error-box button")).click();
        page.waiting().until(d -> api.chatRequests().size() == 2);
        page.waitForAnswer();
        assertEquals(List.of("模型故障时会怎样？"), page.questions(), "the retry replaced the failed exchange");
    }

    @Test
    void a_busy_server_says_when_to_try_again() {
        var page = page().openFresh();
        var answer = page.askAndWait("服务繁忙吗");
        assertEquals("error", page.status(answer));
        assertTrue(answer.getText().contains("服务繁忙，请 7 秒后重试。"), answer.getText());
    }

    @Test
    void follow_ups_carry_the_conversation_and_the_chosen_report() {
        var page = page().openFresh();
        new Select(page.find("#scope")).selectByValue("ceo-genai-guide");
        page.askAndWait(answerableQuestion());
        page.askAndWait(followUpQuestion());

        var requests = api.chatRequests();
        assertEquals(2, requests.size());
        assertFalse(requests.get(0).has("conversationId"));
        assertEquals(page.conversationIdInLocation(), requests.get(1).path("conversationId").asText());
        for (var request : requests) assertEquals("[\"ceo-genai-guide\"]", request.path("reports").toString());
    }

    @Test
    void conversations_can_be_switched_renamed_and_deleted_from_the_list() {
        var page = page().openFresh();
        page.askAndWait(answerableQuestion());
        var first = page.conversationIdInLocation();
        page.find("#new-chat").click();
        assertTrue(page.find("#welcome").isDisplayed());
        assertNull(page.conversationIdInLocation());
        page.askAndWait("火星基地的建设成本是多少？");
        page.waiting().until(d -> page.conversations().size() == 2);

        page.conversations().stream().filter(c -> c.getText().startsWith("CEO")).findFirst().orElseThrow()
                .findElement(By.cssSelector(".conv-open")).click();
        page.waiting().until(d -> first.equals(page.conversationIdInLocation()));
        assertEquals(List.of(answerableQuestion()), page.questions());

        page.find("#conversation-list .conv-item.active .conv-rename").click();
        var input = page.find("#conversation-list .conv-rename-input");
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), "董事会简报", Keys.ENTER);
        page.waiting().until(d -> "董事会简报".equals(page.activeConversationTitle()));
        assertEquals("董事会简报", page.find("#conv-title").getText());
        page.reload();
        assertEquals("董事会简报", page.activeConversationTitle(), "the new name was stored");

        page.find("#conversation-list .conv-item.active .conv-delete").click();
        var dialog = page.find("#confirm-dialog");
        page.waiting().until(ExpectedConditions.visibilityOf(dialog));
        assertTrue(dialog.getText().contains("“董事会简报”将被永久删除。"));
        browser.screenshot("desktop-delete-dialog");
        page.find("#confirm-ok").click();
        page.waiting().until(d -> page.conversations().size() == 1);
        assertTrue(page.find("#welcome").isDisplayed());
        assertNull(page.conversationIdInLocation());
    }

    @Test
    void an_unknown_conversation_in_the_address_opens_a_new_one() {
        var page = page().openFresh();
        browser.driver().get("about:blank");
        browser.driver().get(api.baseUrl() + "#c=no-such-conversation");
        page.waitUntilReady();
        page.waiting().until(d -> "找不到这个对话，已为你新建对话。".equals(page.find("#toast").getText()));
        assertTrue(page.find("#welcome").isDisplayed());
        assertNull(page.conversationIdInLocation());
    }

    @Test
    void feedback_with_a_comment_is_stored_for_the_answer() {
        var page = page().openFresh();
        var answer = page.askAndWait(answerableQuestion());
        var conversation = page.conversationIdInLocation();

        answer.findElement(By.cssSelector(".action-down")).click();
        var dialog = page.find("#feedback-dialog");
        page.waiting().until(ExpectedConditions.visibilityOf(dialog));
        page.find("#feedback-comment").sendKeys("第 3 点缺少具体年份");
        browser.screenshot("desktop-feedback-dialog");
        page.find("#feedback-send").click();
        page.waiting().until(d -> api.feedback().size() == 1);

        var stored = api.feedback().get(0);
        assertEquals(api.assistantMessageIds(conversation).get(0), stored.path("messageId").asText());
        assertEquals("down", stored.path("rating").asText());
        assertEquals("第 3 点缺少具体年份", stored.path("comment").asText());
        page.waiting().until(d -> "true".equals(page.lastAnswer().findElement(By.cssSelector(".action-down")).getDomAttribute("aria-pressed")));
    }

    @Test
    void a_conversation_exports_as_markdown_with_its_references() throws IOException {
        var page = page().openFresh();
        page.askAndWait(answerableQuestion());
        browser.driver().executeCdpCommand("Browser.setDownloadBehavior",
                java.util.Map.of("behavior", "allow", "downloadPath", browser.downloads().toAbsolutePath().toString()));

        page.find("#export").click();

        var file = browser.downloads().resolve("CEO 如何看待生成式 AI？.md");
        page.waiting().until(d -> Files.exists(file));
        var markdown = Files.readString(file);
        assertTrue(markdown.startsWith("# CEO 如何看待生成式 AI？\n"), markdown);
        assertTrue(markdown.contains("## 问: CEO 如何看待生成式 AI？"), markdown);
        assertTrue(markdown.contains("**积极但谨慎**"), markdown);
        assertTrue(markdown.contains("- [1] CEO 生成式 AI 行动指南：利用生成式 AI 推动变革——所需了解的事项和所需采取的行动 · 引言：领导力无法自动化 — “90%的CEO预计其高管团队将共同决定组织对采用生成式AI的态度”"), markdown);
    }

    @Test
    void copying_an_answer_puts_its_text_and_references_on_the_clipboard() {
        var page = page().openFresh();
        var answer = page.askAndWait(answerableQuestion());
        browser.driver().executeCdpCommand("Browser.grantPermissions", java.util.Map.of(
                "origin", api.baseUrl().replaceAll("/$", ""), "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));

        answer.findElement(By.cssSelector(".action-copy")).click();
        page.waiting().until(d -> "已复制".equals(page.find("#toast").getText()));

        var copied = (String) browser.driver().executeAsyncScript("const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, e => done('failed: ' + e));");
        assertTrue(copied.startsWith("总体来看，CEO 对生成式 AI 的态度是**积极但谨慎**："), copied);
        assertTrue(copied.contains("\n\n参考来源:\n[1] CEO 生成式 AI 行动指南"), copied);
        assertTrue(copied.contains("[3] CEO 生成式 AI 行动指南：利用生成式 AI 推动变革——所需了解的事项和所需采取的行动 · 第 2 章 客户服务 — “85% 的受访高管表示，生成式 AI 将在未来两年内直接与客户互动”"), copied);
    }

    @Test
    void keyboard_alone_asks_opens_a_source_and_comes_back() {
        var page = page().openFresh();
        var box = page.questionBox();
        box.sendKeys("第一行", Keys.chord(Keys.SHIFT, Keys.ENTER), "第二行");
        assertEquals("第一行\n第二行", box.getDomProperty("value"), "Shift+Enter breaks the line");
        assertEquals(0, api.chatRequests().size());
        box.sendKeys(Keys.ENTER);
        var answer = page.waitForAnswer();
        assertEquals("第一行\n第二行", api.chatRequests().get(0).path("question").asText());
        assertEquals("question", browser.driver().switchTo().activeElement().getDomAttribute("id"), "focus stays in the question box");

        var chip = page.chips(answer).get(1);
        assertEquals("button", chip.getTagName());
        page.script("arguments[0].focus();", chip);
        browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        page.waiting().until(ExpectedConditions.visibilityOf(page.panel()));
        assertEquals("panel-title", browser.driver().switchTo().activeElement().getDomAttribute("id"));
        assertTrue(page.panelTitle().contains("[2]"));

        browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
        page.waiting().until(ExpectedConditions.invisibilityOf(page.panel()));
        assertEquals(chip, browser.driver().switchTo().activeElement(), "focus returned to the chip that opened the panel");
    }

    @Test
    void the_page_speaks_english_when_asked_and_remembers_it() {
        var page = page().openFresh();
        page.find("#lang-toggle").click();
        assertEquals("New chat", page.find("#new-chat").getText());
        assertEquals("en", page.script("return document.documentElement.lang;"));
        var answer = page.askAndWait(extractiveQuestion());
        assertEquals("LLM offline — showing the cited passages", page.modeLabel(answer));
        browser.screenshot("desktop-english-extractive");

        page.reload();
        assertEquals("New chat", page.find("#new-chat").getText());
        assertTrue(page.questionBox().getDomAttribute("placeholder").startsWith("Ask the reports"));
        page.find("#lang-toggle").click();
        assertEquals("新对话", page.find("#new-chat").getText());
    }

    @Test
    void at_phone_width_the_sidebar_folds_behind_a_button_and_the_panel_fills_the_screen() {
        browser.resize(BrowserSession.PHONE);
        var page = new ChatPage(browser.driver(), baseUrl()).openFresh();
        try {
            assertFalse(page.find("#sidebar").isDisplayed());
            assertTrue(page.find("#open-sidebar").isDisplayed());
            browser.screenshot("phone-welcome");

            var answer = page.askAndWait(answerableQuestion());
            assertNoHorizontalScroll(page);
            browser.screenshot("phone-answer");

            page.openSource(page.chips(answer).get(0));
            assertEquals(390L, ((Number) page.script("return Math.round(document.getElementById('source-panel').getBoundingClientRect().width);")).longValue());
            browser.screenshot("phone-source-panel");
            page.showInReport();
            page.waiting().until(d -> page.reportHighlightInView());
            browser.screenshot("phone-show-in-report");
            page.find("#panel-close").click();

            page.find("#open-sidebar").click();
            page.waiting().until(ExpectedConditions.visibilityOf(page.find("#sidebar")));
            assertEquals("true", page.find("#open-sidebar").getDomAttribute("aria-expanded"));
            page.waiting().until(d -> page.all("#conversation-list .conv-item").size() == 1);
            page.waiting().until(d -> ((Number) page.script("return document.getElementById('sidebar').getBoundingClientRect().left;")).doubleValue() == 0);
            browser.screenshot("phone-sidebar");
            var inDrawer = "return document.getElementById('sidebar').contains(document.activeElement);";
            for (int tab = 0; tab < 12; tab++) {
                browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
                assertTrue((Boolean) page.script(inDrawer), "Tab stays in the open drawer (press " + (tab + 1) + ")");
            }
            browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
            page.waiting().until(d -> !page.find("#sidebar").isDisplayed());
            assertEquals("open-sidebar", browser.driver().switchTo().activeElement().getDomAttribute("id"));
        } finally {
            browser.resize(BrowserSession.DESKTOP);
        }
    }

    private static void assertNoHorizontalScroll(ChatPage page) {
        assertTrue((Boolean) page.script("return document.documentElement.scrollWidth <= window.innerWidth;"),
                "nothing sticks out sideways at phone width");
    }
}
