package dev.siteready.browser;

import dev.siteready.support.Browser;
import dev.siteready.support.WebSession;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Maya's journey 1: onboard a site from a template in a minute and see its scope. */
@QuarkusTest
class OnboardingBrowserTest {

    @TestHTTPResource("/")
    URL base;

    WebDriver driver;

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

    @Test
    void onboardASiteFromATemplateAndSeeItsScope() {
        driver.get(base + "signup");
        driver.findElement(By.id("workspaceName")).sendKeys("Browser Onboarding Co");
        driver.findElement(By.id("name")).sendKeys("Maya");
        driver.findElement(By.id("email")).sendKeys(WebSession.uniqueEmail("maya"));
        driver.findElement(By.id("password")).sendKeys(WebSession.PASSWORD + Keys.ENTER);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.urlToBe(base.toString()));

        driver.findElement(By.linkText("Onboard your first site")).click();
        wait.until(ExpectedConditions.urlContains("/sites/new"));
        driver.findElement(By.cssSelector("input[name=template][value='Lab results']")).click();
        driver.findElement(By.id("name")).sendKeys("Riverside Health");
        driver.findElement(By.id("ehrVendor")).sendKeys("Epic");
        new Select(driver.findElement(By.id("timeZone"))).selectByVisibleText("America/Chicago");
        driver.findElement(By.id("contactName")).sendKeys("Pat Lee");
        driver.findElement(By.id("contactEmail")).sendKeys("pat@riverside.example" + Keys.ENTER);

        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Riverside Health"));
        String scope = driver.findElement(By.cssSelector(".scope-summary")).getText();
        assertThat(scope).contains("Results").contains("Order").contains("Into the product");
        assertThat(driver.findElement(By.id("site-volume")).getText()).contains("2400 messages / day");

        driver.findElement(By.linkText("Sites")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("site-results")));
        driver.findElement(By.id("q")).sendKeys("nothing");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("site-results"), "No site matches"));
        assertThat(driver.getCurrentUrl()).contains("q=nothing");
    }
}
