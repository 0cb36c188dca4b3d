package org.ibvadvisor.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven by Debian's chromedriver, with a fresh profile: one per test class.
 * Paths can be overridden with -Dadvisor.chromium and -Dadvisor.chromedriver.
 */
public final class BrowserSession implements AutoCloseable {

    static final Dimension DESKTOP = new Dimension(1366, 860);
    static final Dimension PHONE = new Dimension(390, 844);

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Path profile;
    private final Path downloads;
    private final ChromeDriver driver;

    public BrowserSession() {
        try {
            Files.createDirectories(Path.of("target"));
            profile = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chromium-profile-");
            downloads = Files.createDirectories(profile.resolveSibling(profile.getFileName() + "-downloads"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var chromium = Path.of(System.getProperty("advisor.chromium", "/usr/bin/chromium"));
        var chromedriver = Path.of(System.getProperty("advisor.chromedriver", "/usr/bin/chromedriver"));
        for (var binary : List.of(chromium, chromedriver)) {
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException(binary + " is missing: the browser tests need Debian's chromium and "
                        + "chromium-driver (apt-get install chromium chromium-driver; .ci/run does it)");
            }
        }
        var options = new ChromeOptions();
        options.setBinary(chromium.toString());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-quic", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=zh-CN", "--user-data-dir=" + profile,
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false,
                "intl.accept_languages", "zh-CN,zh"));
        var logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    }

    public ChromeDriver driver() {
        return driver;
    }

    Path downloads() {
        return downloads;
    }

    void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /** Saves a PNG of the viewport as target/screenshots/NAME.png and returns its path. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            var file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Console messages at level SEVERE since the last call (errors, CSP violations, failed loads). */
    public List<String> severeConsoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a profile left behind under target/ is harmless
        }
    }
}
