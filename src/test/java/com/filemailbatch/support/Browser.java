package com.filemailbatch.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.devtools.CdpVersionFinder;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven by ChromeDriver, both from Debian's packages ({@code apt-get install chromium
 * chromium-driver}). Nothing is ever downloaded: the driver and the browser are given by path, so Selenium Manager
 * (which would fetch a driver or a browser build) is never run; should some path lead to it anyway, it is told to
 * stay offline. A browser that cannot start fails the test, saying which packages to install: a skipped browser
 * test would hide a page that no longer works.
 *
 * <p>Waits are generous: they end as soon as the condition holds, and only a broken page ever waits the whole
 * deadline, so a busy machine never fails a test.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String INSTALL_HINT = "install Debian's Chromium and its driver: apt-get install chromium "
            + "chromium-driver";

    /** How long a wait may last before the test fails. */
    public static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /**
     * Selenium looks for DevTools classes matching the browser's version at every start, and warns when the
     * selenium-devtools module of that version is absent. The tests drive pages through WebDriver only.
     */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger(CdpVersionFinder.class.getName());

    static {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
    }

    /**
     * Without the background-networking flags Chromium keeps trying to reach Google's services (component updates,
     * variations, sync); {@code --disable-quic} keeps it off UDP altogether. Even with them, it still looks up a few
     * names at start (the network time service, the extension updater, the default search engine to preconnect):
     * the resolver rule answers every name but loopback's "not found" without asking DNS, so the browser reaches
     * nothing beyond this machine whatever feature asks. The pages under test are served on 127.0.0.1.
     */
    static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--window-size=1400,1000", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1");

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts Chromium with a fresh profile, or fails the test saying what to install. */
    public static Browser start() {
        return start(CHROMIUM, CHROMEDRIVER);
    }

    static Browser start(Path chromium, Path chromedriver) {
        requireExecutable(chromium, "Chromium");
        requireExecutable(chromedriver, "ChromeDriver");
        // Two more guards on top of the explicit driver path: the driver property is Selenium's other way of
        // skipping Selenium Manager, and SE_* properties are passed to Selenium Manager, were it ever run.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, chromedriver.toString());
        System.setProperty("SE_OFFLINE", "true");
        Path profile = temporaryProfile();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver.toString()))
                .usingAnyFreePort()
                .withTimeout(DEADLINE)
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(DEADLINE).scriptTimeout(DEADLINE);
            return new Browser(driver, profile);
        } catch (WebDriverException e) {
            deleteQuietly(profile);
            throw new AssertionError("Chromium did not start through " + chromedriver + " (" + firstLine(e)
                    + "); " + INSTALL_HINT, e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Loads the page and returns once it has loaded (its scripts may still be running: wait for what they do). */
    public Browser open(URI url) {
        driver.get(url.toString());
        return this;
    }

    public Browser open(String url) {
        return open(URI.create(url));
    }

    /** Waits for an element to be visible. */
    public WebElement waitFor(By locator) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits for an element's text to contain {@code text}, and returns the element. */
    public WebElement waitForText(By locator, String text) {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
        return driver.findElement(locator);
    }

    /** Waits for the page's visible text to contain {@code text}. */
    public void waitForText(String text) {
        waitForText(By.tagName("body"), text);
    }

    /** Saves what the browser shows as {@code target/screenshots/NAME.png}, and returns its path. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The current DOM as HTML: what the scripts made of the page, not the bytes the server sent. */
    public String pageSource() {
        return driver.getPageSource();
    }

    public String title() {
        return driver.getTitle();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(driver, DEADLINE);
    }

    private static void requireExecutable(Path path, String what) {
        if (!Files.isExecutable(path)) {
            throw new AssertionError(what + " is not installed (" + path + " is missing); " + INSTALL_HINT);
        }
    }

    private static Path temporaryProfile() {
        try {
            return Files.createTempDirectory("filemail-batch-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary profile: best effort
        }
    }
}
