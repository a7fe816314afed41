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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** What only a browser shows: signing up by keyboard, and an htmx swap under the strict CSP. */
@QuarkusTest
class SignupBrowserTest {

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
    void signUpWithTheKeyboardAndLandOnTheWorkspaceHome() {
        driver.get(base + "signup");
        driver.findElement(By.id("workspaceName")).sendKeys("Browser Health Co");
        driver.switchTo().activeElement().sendKeys(Keys.TAB);
        driver.switchTo().activeElement().sendKeys("Maya Browser");
        driver.findElement(By.id("email")).sendKeys(WebSession.uniqueEmail("browser"));
        WebElement password = driver.findElement(By.id("password"));
        password.sendKeys(WebSession.PASSWORD);
        password.sendKeys(Keys.ENTER);

        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(base.toString()));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Browser Health Co");
        assertThat(driver.findElement(By.cssSelector(".flash-success")).getText()).contains("Your workspace is ready");
        assertThat(driver.findElement(By.cssSelector("#team-heading ~ table tbody")).getText()).contains("Maya Browser");
    }

    @Test
    void creatingATokenSwapsOnlyThePanelWithHtmx() {
        driver.get(base + "signup");
        driver.findElement(By.id("workspaceName")).sendKeys("Htmx Co");
        driver.findElement(By.id("name")).sendKeys("Dev");
        driver.findElement(By.id("email")).sendKeys(WebSession.uniqueEmail("htmx"));
        driver.findElement(By.id("password")).sendKeys(WebSession.PASSWORD + Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(base.toString()));

        driver.get(base + "settings/api-tokens");
        WebElement heading = driver.findElement(By.tagName("h1"));
        driver.findElement(By.id("name")).sendKeys("Browser token" + Keys.ENTER);
        WebElement token = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("new-token")));

        assertThat(token.getText()).startsWith("srt_");
        assertThat(driver.getCurrentUrl()).endsWith("/settings/api-tokens");
        assertThat(heading.isDisplayed()).as("the page around the panel was not reloaded").isTrue();

        driver.findElement(By.id("name")).sendKeys(" " + Keys.ENTER);
        WebElement error = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("name-error")));
        assertThat(error.getText()).contains("Name the token");
        assertThat(heading.isDisplayed()).isTrue();
    }
}
