package dev.siteready.browser;

import dev.siteready.support.BrowserTest;
import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/** What only a browser shows: signing up by keyboard, and an htmx swap under the strict CSP. */
@QuarkusTest
class SignupBrowserTest extends BrowserTest {

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

        waiting().until(ExpectedConditions.urlToBe(base.toString()));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Browser Health Co");
        assertThat(driver.findElement(By.cssSelector(".flash-success")).getText()).contains("Your workspace is ready");
        assertThat(driver.findElement(By.cssSelector("#team-heading ~ table tbody")).getText()).contains("Maya Browser");
    }

    @Test
    void creatingATokenSwapsOnlyThePanelWithHtmx() {
        signUp("Htmx Co", "Dev");

        driver.get(base + "settings/api-tokens");
        WebElement heading = driver.findElement(By.tagName("h1"));
        driver.findElement(By.id("name")).sendKeys("Browser token" + Keys.ENTER);
        WebElement token = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("new-token")));

        assertThat(token.getText()).startsWith("srt_");
        assertThat(driver.getCurrentUrl()).endsWith("/settings/api-tokens");
        assertThat(heading.isDisplayed()).as("the page around the panel was not reloaded").isTrue();

        driver.findElement(By.id("name")).sendKeys(" " + Keys.ENTER);
        WebElement error = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("name-error")));
        assertThat(error.getText()).contains("Name the token");
        assertThat(heading.isDisplayed()).isTrue();
    }
}
