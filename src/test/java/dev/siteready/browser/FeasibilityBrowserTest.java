package dev.siteready.browser;

import dev.siteready.scoping.AnswerKey;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import dev.siteready.scoping.StandardQuestionnaire;
import dev.siteready.support.BrowserTest;
import io.quarkus.test.junit.QuarkusTest;

/** Maya's journey 3: read the summary, publish a snapshot, answer, see what changed; filter the portfolio. */
@QuarkusTest
class FeasibilityBrowserTest extends BrowserTest {

    @Test
    void publishASnapshotAnswerAQuestionAndSeeWhatChangedThenFilterThePortfolio() {
        driver.manage().window().setSize(new Dimension(1366, 900));
        signUp("Browser Feasibility Co", "Maya");
        onboard("Lakeview Medical Center");
        onboard("Riverside Health");

        driver.findElement(By.id("feasibility-link")).click();
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Feasibility"));
        assertThat(driver.findElement(By.cssSelector("#verdict h2")).getText()).endsWith("Incomplete");
        driver.findElement(By.id("note")).sendKeys("Before the partner call" + Keys.ENTER);
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Snapshot 1"));
        assertThat(driver.findElement(By.id("snapshot-banner")).getText()).contains("Before the partner call");

        // answer on the questionnaire: results come in local codes only (autosaved by htmx)
        driver.findElement(By.linkText("Riverside Health")).click();
        waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("article.project h3 a"))).click();
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("questionnaire-link"))).click();
        String card = AnswerKey.of(StandardQuestionnaire.CODE_SYSTEMS, "Results").domId();
        waiting().until(ExpectedConditions.elementToBeClickable(By.id(card + "-L"))).click();
        waiting().ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#" + card + " .save-state"), "Saved"));

        driver.get(base + driver.getCurrentUrl().replaceAll(".*/sites/([^/]+)/.*", "sites/$1/feasibility"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("diff")));
        assertThat(driver.findElement(By.cssSelector("tr.finding-row[data-rule='COD-1']")).getText()).contains("Work needed")
                .contains("Code mapping needed for Results");
        assertThat(driver.findElement(By.id("diff-changed")).getText()).contains("Required code systems");
        assertThat(driver.findElement(By.id("work")).getText()).contains("effort M");

        // the portfolio: filter by verdict with htmx, the URL follows
        driver.findElement(By.linkText("Home")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("portfolio-table")));
        assertThat(driver.findElements(By.cssSelector("tr.portfolio-row"))).hasSize(2);
        assertThat(driver.findElement(By.cssSelector(".chart-bar[data-verdict='INCOMPLETE']")).getAttribute("aria-label"))
                .isEqualTo("Incomplete: 2 sites");
        new Select(driver.findElement(By.id("verdict"))).selectByVisibleText("Blocked");
        waiting().until(ExpectedConditions.urlContains("verdict=BLOCKED"));
        waiting().ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("portfolio-results"), "No site matches these filters"));
        new Select(driver.findElement(By.id("verdict"))).selectByVisibleText("Incomplete");
        waiting().until(ExpectedConditions.urlContains("verdict=INCOMPLETE"));
        waiting().ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("tr.portfolio-row")).size() == 2);

        // "Show" brings the results into view, swapped in place (the page is not reloaded at its top)
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("window.__siteReadyMark = 'kept'; window.scrollTo(0, 0);");
        WebElement table = driver.findElement(By.id("portfolio-table"));
        assertThat(tableInView(js)).as("at the top of the home page the table is below the fold").isFalse();
        driver.findElement(By.cssSelector("form.portfolio-filters button[type=submit]")).click();
        waiting().until(ExpectedConditions.stalenessOf(table));
        waiting().until(d -> tableInView(js));
        assertThat(tableInView(js)).as("the portfolio table is in the viewport after Show").isTrue();
        assertThat(js.executeScript("return window.__siteReadyMark")).isEqualTo("kept");
        assertThat(driver.findElements(By.cssSelector("tr.portfolio-row"))).hasSize(2);
    }

    private static boolean tableInView(JavascriptExecutor js) {
        return Boolean.TRUE.equals(js.executeScript("var t = document.getElementById('portfolio-table');"
                + " if (!t) { return false; } var r = t.getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight;"));
    }

    private void onboard(String name) {
        driver.get(base + "sites/new");
        driver.findElement(By.cssSelector("input[name=template][value='Lab results']")).click();
        driver.findElement(By.id("name")).sendKeys(name);
        driver.findElement(By.id("ehrVendor")).sendKeys("Epic");
        new Select(driver.findElement(By.id("timeZone"))).selectByVisibleText("America/Chicago");
        driver.findElement(By.id("contactName")).sendKeys("Pat Lee" + Keys.ENTER);
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), name));
    }
}
