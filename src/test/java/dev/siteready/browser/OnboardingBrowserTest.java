package dev.siteready.browser;

import dev.siteready.support.BrowserTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/** Maya's journey 1: onboard a site from a template in a minute and see its scope. */
@QuarkusTest
class OnboardingBrowserTest extends BrowserTest {

    @Test
    void onboardASiteFromATemplateAndSeeItsScope() {
        signUp("Browser Onboarding Co", "Maya");
        WebDriverWait wait = waiting();

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
