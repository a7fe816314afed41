package dev.siteready.support;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Headless Debian Chromium for browser tests. Where Chromium or chromedriver is missing the test is
 * skipped with a message, unless SITEREADY_REQUIRE_BROWSER=true (set by .ci/run), where it fails.
 */
public final class Browser {

    static final String CHROMIUM = envOr("SITEREADY_CHROMIUM", "/usr/bin/chromium");
    static final String CHROMEDRIVER = envOr("SITEREADY_CHROMEDRIVER", "/usr/bin/chromedriver");

    private Browser() {
    }

    public static ChromeDriver start() {
        boolean present = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
        String message = "Browser tests need Chromium at " + CHROMIUM + " and chromedriver at " + CHROMEDRIVER
                + " (Debian: apt-get install -y chromium chromium-driver).";
        if (!present) {
            if ("true".equalsIgnoreCase(System.getenv("SITEREADY_REQUIRE_BROWSER"))) {
                Assertions.fail(message + " SITEREADY_REQUIRE_BROWSER=true, so a missing browser fails the build.");
            }
            Assumptions.abort(message + " Skipping.");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        return new ChromeDriver(service, options);
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
