package org.ibvadvisor.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The chat page as a test sees it: what a user does and what they can read, by the page's own selectors. */
final class ChatPage {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final WebDriver driver;
    private final String baseUrl;

    ChatPage(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    /** Opens the page with no stored preferences and no conversation selected. */
    ChatPage openFresh() {
        driver.get(baseUrl);
        script("localStorage.clear();");
        driver.get(baseUrl);
        return waitUntilReady();
    }

    ChatPage reload() {
        driver.navigate().refresh();
        return waitUntilReady();
    }

    ChatPage waitUntilReady() {
        waiting().until(d -> "true".equals(script("return document.body.dataset.ready || null;")));
        return this;
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, PATIENCE, Duration.ofMillis(25));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    // ------------------------------------------------------------------------------------------ asking

    WebElement questionBox() {
        return find("#question");
    }

    /** Types the question and presses Enter, as a user does. */
    void ask(String question) {
        var box = questionBox();
        box.click();
        box.sendKeys(question);
        box.sendKeys(Keys.ENTER);
    }

    /** Asks and waits until the answer has finished (done, error or stopped). */
    WebElement askAndWait(String question) {
        int before = answers().size();
        ask(question);
        waiting().until(d -> answers().size() > before);
        return waitForAnswer();
    }

    List<WebElement> answers() {
        return all("#thread .msg-assistant");
    }

    List<String> questions() {
        return all("#thread .msg-user .bubble").stream().map(WebElement::getText).toList();
    }

    WebElement lastAnswer() {
        var all = answers();
        return all.get(all.size() - 1);
    }

    String status(WebElement answer) {
        return answer.getDomAttribute("data-status");
    }

    WebElement waitForAnswer() {
        waiting().until(d -> List.of("done", "error", "stopped").contains(status(lastAnswer())));
        return lastAnswer();
    }

    /**
     * Starts recording, in the page, each change of the newest answer while it is not finished: its text
     * length and how many source cards it shows. Read with {@link #recordedProgress()}.
     */
    void recordProgress() {
        script("""
                window.__progress = [];
                const thread = document.getElementById('thread');
                new MutationObserver(() => {
                  const msg = [...thread.querySelectorAll('.msg-assistant')].pop();
                  if (!msg || msg.dataset.status === 'done') return;
                  window.__progress.push({
                    ms: Math.round(performance.now()),
                    visibility: document.visibilityState,
                    status: msg.dataset.status,
                    length: msg.querySelector('.answer').textContent.length,
                    sources: msg.querySelectorAll('.source-card').length });
                }).observe(thread, {subtree: true, childList: true, characterData: true, attributes: true});
                """);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> recordedProgress() {
        return (List<Map<String, Object>>) script("return window.__progress;");
    }

    String answerText(WebElement answer) {
        return answer.findElement(By.cssSelector(".answer")).getText();
    }

    List<WebElement> chips(WebElement answer) {
        return answer.findElements(By.cssSelector(".answer button.cite"));
    }

    List<WebElement> sourceCards(WebElement answer) {
        return answer.findElements(By.cssSelector(".source-card"));
    }

    String modeLabel(WebElement answer) {
        var label = answer.findElement(By.cssSelector(".mode-label"));
        return label.isDisplayed() ? label.getText() : "";
    }

    boolean xssRan() {
        return (Boolean) script("return window.__xss !== undefined;");
    }

    // --------------------------------------------------------------------------------------- the panel

    WebElement panel() {
        return find("#source-panel");
    }

    void openSource(WebElement chip) {
        chip.click();
        waiting().until(ExpectedConditions.visibilityOf(panel()));
    }

    String panelTitle() {
        return find("#panel-title").getText();
    }

    String panelReport() {
        return find("#panel-report").getText();
    }

    String panelSection() {
        return find("#panel-section").getText();
    }

    String panelText() {
        return find("#panel-text").getText();
    }

    /** The highlighted quote in the panel's passage, once it has been found. */
    String panelHighlight() {
        waiting().until(d -> !all("#panel-text mark.quote").isEmpty());
        return find("#panel-text mark.quote").getText();
    }

    /** Opens the whole report and returns the highlighted span's text. */
    String showInReport() {
        find("#show-in-report").click();
        waiting().until(d -> !all("#report-text mark.quote").isEmpty());
        return find("#report-text mark.quote").getText();
    }

    /** Whether the highlight in the report view lies inside the report view's visible area. */
    boolean reportHighlightInView() {
        return (Boolean) script("""
                const mark = document.querySelector('#report-text mark.quote');
                const box = document.getElementById('report-text').getBoundingClientRect();
                const r = mark.getBoundingClientRect();
                return r.height > 0 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
                """);
    }

    long reportScrollTop() {
        return ((Number) script("return document.getElementById('report-text').scrollTop;")).longValue();
    }

    String reportText() {
        return (String) script("return document.getElementById('report-text').textContent;");
    }

    // --------------------------------------------------------------------------------- conversations

    List<WebElement> conversations() {
        return all("#conversation-list .conv-item");
    }

    List<String> conversationTitles() {
        return all("#conversation-list .conv-name").stream().map(e -> (String) script("return arguments[0].textContent;", e)).toList();
    }

    String activeConversationTitle() {
        var active = all("#conversation-list .conv-item.active .conv-name");
        return active.isEmpty() ? null : (String) script("return arguments[0].textContent;", active.get(0));
    }

    String conversationIdInLocation() {
        var hash = (String) script("return location.hash;");
        return hash.startsWith("#c=") ? hash.substring(3) : null;
    }

    String focusedElementDescription() {
        return (String) script("""
                const e = document.activeElement;
                return e ? e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).split(' ').join('.') : '') : '';
                """);
    }
}
