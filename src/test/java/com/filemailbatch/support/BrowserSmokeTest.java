package com.filemailbatch.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The browser harness works: Debian's Chromium loads a page over loopback HTTP and runs its external script. */
class BrowserSmokeTest {

    /** Selenium Manager's own logger: it logs at FINE whenever it is asked for a driver or a browser. */
    private static final Logger SELENIUM_MANAGER = Logger.getLogger("org.openqa.selenium.manager");

    @Test
    void chromiumRunsThePagesScriptAndSeleniumManagerNeverRuns() throws Exception {
        List<LogRecord> managerRecords = new CopyOnWriteArrayList<>();
        Handler recorder = new Handler() {
            @Override
            public void publish(LogRecord record) {
                managerRecords.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level level = SELENIUM_MANAGER.getLevel();
        SELENIUM_MANAGER.setLevel(Level.ALL);
        SELENIUM_MANAGER.addHandler(recorder);
        try (StaticPages pages = StaticPages.serve(StaticPages.SCRIPTED_PAGE); Browser browser = Browser.start()) {
            browser.open(pages.url("/index.html"));

            assertThat(browser.waitForText(By.id("greeting"), "Script ran").getText()).isEqualTo("Script ran: 42");
            assertThat(browser.title()).isEqualTo("Harness check");
            assertThat(browser.pageSource()).contains("Script ran: 42").contains("<h1>Harness check</h1>");
            assertThat(pages.requested()).contains("/index.html", "/greeting.js");
            Path screenshot = browser.screenshot("browser-smoke");
            assertThat(screenshot).isEqualTo(Path.of("target", "screenshots", "browser-smoke.png"));
            byte[] png = Files.readAllBytes(screenshot);
            assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        } finally {
            SELENIUM_MANAGER.removeHandler(recorder);
            SELENIUM_MANAGER.setLevel(level);
        }
        assertThat(managerRecords).as("Selenium Manager's log: it must never be asked for a driver or browser")
                .extracting(LogRecord::getMessage).isEmpty();
    }

    @Test
    void aMissingBrowserFailsTheTestNamingThePackagesToInstall() {
        assertThatThrownBy(() -> Browser.start(Path.of("/nonexistent/chromium"), Browser.CHROMEDRIVER))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("/nonexistent/chromium is missing")
                .hasMessageContaining("apt-get install chromium chromium-driver");
    }
}
