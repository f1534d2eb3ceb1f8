package com.filemailbatch.support;

import org.openqa.selenium.By;

/**
 * Run by {@link BrowserOfflineTest} in a child JVM inside a network namespace of its own: serves the scripted page
 * on loopback, loads it in the browser and prints what the script wrote. Exits non-zero when anything fails.
 */
public final class OfflineBrowserCheck {

    static final String RESULT = "greeting: ";

    private OfflineBrowserCheck() {
    }

    public static void main(String[] args) {
        try (StaticPages pages = StaticPages.serve(StaticPages.SCRIPTED_PAGE); Browser browser = Browser.start()) {
            browser.open(pages.url("/index.html"));
            System.out.println(RESULT + browser.waitForText(By.id("greeting"), "Script ran").getText());
        }
        // Selenium's HTTP client leaves non-daemon threads behind after quit.
        System.exit(0);
    }
}
