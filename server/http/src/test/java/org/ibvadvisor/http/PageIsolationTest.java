package org.ibvadvisor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.ibvadvisor.http.auth.AuthSettings;
import org.ibvadvisor.http.auth.Cidr;
import org.ibvadvisor.http.auth.OidcSettings;
import org.ibvadvisor.http.auth.TrustedProxy;
import org.ibvadvisor.testkit.nginx.TestNginx;
import org.ibvadvisor.testkit.oidc.StandInOidcProvider;
import org.ibvadvisor.web.BrowserSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The isolation suite in the chat page itself (the real page on the real server, headless Chromium): ana signs in
 * and asks; bo, signed in the same way, does not see her conversation in his list and opening its address gives him a
 * new conversation, not hers. Once through the stand-in OpenID Connect provider (sign-in button, session cookie,
 * sign-out) and once through a real nginx that signs users in (HTTP Basic, sent by the browser on every request).
 */
class PageIsolationTest {
    private static final String QUESTION = "高管计划如何投资生成式AI？";

    private static StandInOidcProvider idp;
    private static TestServer oidcServer;
    private static TestServer proxyServer;
    private static TestNginx nginx;
    private static Path passwords;
    private static BrowserSession browser;

    @BeforeAll
    static void start() throws IOException {
        idp = StandInOidcProvider.start("advisor", "client-s3cret");
        oidcServer = new TestServer(s -> s.withStaticFolder("/web"), AuthSettings.none()
                .withOidc(OidcSettings.of(URI.create(idp.issuer()), "advisor", "client-s3cret")), "127.0.0.1");
        passwords = Files.createTempDirectory("advisor-htpasswd-");
        Files.setPosixFilePermissions(passwords, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = Files.writeString(passwords.resolve("htpasswd"), "ana:{PLAIN}ana-pw\nbo:{PLAIN}bo-pw\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        proxyServer = new TestServer(s -> s.withStaticFolder("/web"), AuthSettings.none()
                .withProxy(TrustedProxy.at(List.of(Cidr.parse(ProxyIsolationTest.PROXY_ADDRESS)))), "127.0.0.1");
        nginx = TestNginx.start(port -> ProxyIsolationTest.signingInProxy(port, file, proxyServer.server.port()));
        browser = new BrowserSession();
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) browser.close();
        if (nginx != null) nginx.close();
        if (proxyServer != null) proxyServer.close();
        if (oidcServer != null) oidcServer.close();
        if (idp != null) idp.close();
        try (var files = Files.walk(passwords)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void signed_in_through_the_oidc_provider_bo_never_sees_anas_conversation_in_the_page() {
        ChromeDriver driver = browser.driver();
        String base = "http://127.0.0.1:" + oidcServer.server.port() + "/";
        idp.signInAs(Map.of("sub", "u-ana", "preferred_username", "ana", "name", "Ana Lima"));
        driver.get(base);
        signInWithTheOrganisation(driver);
        assertEquals("已登录：Ana Lima", text(driver, "#account-name"));
        String anas = askAndTakeTheConversation(driver);

        driver.findElement(By.cssSelector("#sign-out")).click();
        waiting(driver).until(d -> d.findElement(By.cssSelector("#signin-dialog")).getDomProperty("open").equals("true"));
        idp.signInAs(Map.of("sub", "u-bo", "preferred_username", "bo"));
        signInWithTheOrganisation(driver);
        assertEquals("已登录：bo", text(driver, "#account-name"));
        assertBoSeesNothingOf(driver, base, anas);
        assertEquals(List.of(), browser.severeConsoleMessages().stream()
                .filter(message -> !message.contains("401") && !message.contains("404")).toList());
    }

    @Test
    void signed_in_by_the_nginx_proxy_bo_never_sees_anas_conversation_in_the_page() {
        ChromeDriver driver = browser.driver();
        String base = nginx.baseUrl() + "/";
        behindTheProxyAs(driver, "ana", "ana-pw");
        driver.get(base);
        ready(driver);
        assertEquals("已登录：ana", text(driver, "#account-name"));
        assertFalse(driver.findElement(By.cssSelector("#sign-out")).isDisplayed(), "the proxy signs out, not the page");
        String anas = askAndTakeTheConversation(driver);

        behindTheProxyAs(driver, "bo", "bo-pw");
        driver.get(base);
        ready(driver);
        assertEquals("已登录：bo", text(driver, "#account-name"));
        assertBoSeesNothingOf(driver, base, anas);
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
    }

    /** What a browser signed in to a Basic-auth proxy does: send the credentials with every request. */
    private static void behindTheProxyAs(ChromeDriver driver, String user, String password) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Basic " + basic)));
    }

    private static void signInWithTheOrganisation(ChromeDriver driver) {
        WebElement button = waiting(driver).until(d -> {
            WebElement oidc = d.findElement(By.cssSelector("#signin-oidc"));
            return oidc.isDisplayed() ? oidc : null;
        });
        assertFalse(driver.findElement(By.cssSelector("#signin-key")).isDisplayed(), "no keys here: no key field");
        button.click();
        ready(driver);
    }

    private static String askAndTakeTheConversation(ChromeDriver driver) {
        WebElement box = driver.findElement(By.cssSelector("#question"));
        box.click();
        box.sendKeys(QUESTION);
        box.sendKeys(Keys.ENTER);
        waiting(driver).until(d -> {
            List<WebElement> answers = d.findElements(By.cssSelector("#thread .msg-assistant"));
            return !answers.isEmpty() && "done".equals(answers.getLast().getDomAttribute("data-status"));
        });
        String hash = (String) driver.executeScript("return location.hash;");
        assertTrue(hash.startsWith("#c="), hash);
        String id = hash.substring(3);
        waiting(driver).until(d -> !d.findElements(By.cssSelector(".conv-item[data-id='" + id + "']")).isEmpty());
        return id;
    }

    private static void assertBoSeesNothingOf(ChromeDriver driver, String base, String anas) {
        assertTrue(driver.findElements(By.cssSelector(".conv-item[data-id='" + anas + "']")).isEmpty(),
                "ana's conversation is not in bo's list");
        driver.get("about:blank"); // so that the address with her id is a page load, not a hash change
        driver.get(base + "#c=" + anas);
        ready(driver);
        assertEquals(List.of(), driver.findElements(By.cssSelector("#thread .msg-user .bubble")).stream()
                .map(WebElement::getText).toList(), "nothing of ana's conversation is shown");
        waiting(driver).until(d -> "找不到这个对话，已为你新建对话。".equals(
                ((ChromeDriver) d).executeScript("return document.getElementById('toast').textContent;")));
        assertEquals(List.of(), driver.findElements(By.cssSelector("#thread .msg")), "a new, empty conversation");
    }

    private static void ready(ChromeDriver driver) {
        waiting(driver).until(d -> "true".equals(((ChromeDriver) d).executeScript("return document.body.dataset.ready || null;")));
    }

    private static String text(org.openqa.selenium.WebDriver driver, String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    /** Waits for a condition; an element the page replaced meanwhile (a re-render, the sign-in redirect) is looked up again. */
    private static WebDriverWait waiting(ChromeDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(50));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }
}
