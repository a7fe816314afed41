package dev.siteready.support;

import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;

/** Base of browser tests: a headless Chromium per test (see {@link Browser}) against the test app. */
public abstract class BrowserTest {

    @TestHTTPResource("/")
    protected URL base;

    protected WebDriver driver;

    @BeforeEach
    void startBrowser() {
        driver = Browser.start();
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    /**
     * How long a browser test waits for what it expects (a page, an htmx swap) before it fails: generous, because a
     * busy two-core machine running the suite can take many seconds for what usually takes milliseconds; a wait ends as
     * soon as its condition holds, so a passing test is no slower. Every wait in the browser tests goes through here.
     */
    public static final Duration WAIT = Duration.ofSeconds(60);

    protected WebDriverWait waiting() {
        return new WebDriverWait(driver, WAIT);
    }

    /** Signs in through the form as a member made over HTTP (with {@link WebSession}) and waits for the home page. */
    protected void signIn(WebSession member) {
        driver.get(base + "login");
        driver.findElement(By.id("j_username")).sendKeys(member.email);
        driver.findElement(By.id("j_password")).sendKeys(WebSession.PASSWORD + Keys.ENTER);
        waiting().until(ExpectedConditions.urlToBe(base.toString()));
    }

    /** Signs up a new workspace through the form and waits for its home page. */
    protected void signUp(String workspace, String name) {
        driver.get(base + "signup");
        driver.findElement(By.id("workspaceName")).sendKeys(workspace);
        driver.findElement(By.id("name")).sendKeys(name);
        driver.findElement(By.id("email")).sendKeys(WebSession.uniqueEmail("browser"));
        driver.findElement(By.id("password")).sendKeys(WebSession.PASSWORD + Keys.ENTER);
        waiting().until(ExpectedConditions.urlToBe(base.toString()));
    }
}
