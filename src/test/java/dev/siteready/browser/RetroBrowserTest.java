package dev.siteready.browser;

import dev.siteready.support.BrowserTest;
import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project's retrospective in the browser: start it from the project page, add an item with Markdown notes and
 * tags, add an action item from it, and change the action's status in place (htmx swaps the row, the page stays).
 */
@QuarkusTest
class RetroBrowserTest extends BrowserTest {

    private static final By FLASH_SUCCESS = By.cssSelector("main > p.flash-success");

    @Test
    void startTheRetrospectiveAddAnItemAndAnActionAndChangeItsStatusInPlace() {
        WebSession owner = WebSession.signUp("Browser Retro Co");
        UUID site = owner.createSite("Browser Retro Site " + UUID.randomUUID().toString().substring(0, 6), "Lab results");
        UUID project = owner.firstProject(site);
        String retrospective = "sites/" + site + "/projects/" + project + "/retrospective";
        String title = "Lab code mapping " + UUID.randomUUID().toString().substring(0, 6);

        signIn(owner);

        // from the project page to its retrospective, which is not started yet
        driver.get(base + "sites/" + site + "/projects/" + project);
        driver.findElement(By.id("retro-link")).click();
        waiting().until(ExpectedConditions.urlToBe(base + retrospective));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Retrospective");
        assertThat(driver.findElement(By.id("not-started")).getText()).contains("No retrospective yet.");

        driver.findElement(By.cssSelector("#start-form button[type=submit]")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(FLASH_SUCCESS, "Retrospective started."));
        assertThat(driver.findElements(By.id("not-started"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("section.retro-section"))).hasSize(7);
        assertThat(driver.findElement(By.cssSelector("#section-to-improve .empty-state")).getText()).isEqualTo("Nothing here yet.");

        // an item in "What to improve": Markdown notes, tags written loosely
        WebElement improve = driver.findElement(By.id("section-to-improve"));
        WebElement add = improve.findElement(By.id("add-to-improve"));
        assertThat(add.isDisplayed()).as("the add form is folded away until opened").isFalse();
        improve.findElement(By.xpath(".//details[contains(@class,'add-item')]/summary[normalize-space()='Add to What to improve']")).click();
        waiting().until(ExpectedConditions.visibilityOf(add));
        add.findElement(By.name("title")).sendKeys(title);
        add.findElement(By.name("notes")).sendKeys("The **late** mapping of LOINC codes held up validation.");
        add.findElement(By.name("tags")).sendKeys("Mapping, lab codes, mapping");
        add.findElement(By.xpath(".//button[normalize-space()='Add item']")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(FLASH_SUCCESS, "Added to What to improve."));
        assertThat(driver.getCurrentUrl()).matches(".*/retrospective#item-[0-9a-f-]{36}$");

        WebElement item = driver.findElement(By.cssSelector("#section-to-improve article.retro-item"));
        assertThat(item.getAttribute("id")).isEqualTo(driver.getCurrentUrl().substring(driver.getCurrentUrl().indexOf('#') + 1));
        assertThat(item.findElement(By.tagName("h3")).getText()).isEqualTo(title);
        WebElement notes = item.findElement(By.cssSelector(".markdown"));
        assertThat(notes.findElement(By.tagName("strong")).getText()).isEqualTo("late");
        assertThat(notes.getText()).isEqualTo("The late mapping of LOINC codes held up validation.");
        assertThat(item.findElements(By.cssSelector("a.tag")).stream().map(WebElement::getText).toList())
                .containsExactly("#mapping", "#lab-codes");
        assertThat(item.findElement(By.cssSelector("a.tag")).getAttribute("href")).isEqualTo(base + "retrospectives?tag=mapping");
        assertThat(driver.findElement(By.cssSelector(".section-nav a[href='#section-to-improve'] + small")).getText()).isEqualTo("(1)");

        // an action item from that item
        WebElement actionForm = driver.findElement(By.id("action-form"));
        actionForm.findElement(By.name("title")).sendKeys("Ask for the LOINC map before validation");
        actionForm.findElement(By.name("owner")).sendKeys("Maya Ortiz");
        new Select(actionForm.findElement(By.name("item"))).selectByVisibleText("What to improve: " + title);
        actionForm.findElement(By.xpath(".//button[normalize-space()='Add action item']")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(FLASH_SUCCESS, "Action item added for Maya Ortiz."));
        WebElement row = driver.findElement(By.cssSelector("#action-table tbody tr"));
        String rowId = row.getAttribute("id");
        assertThat(rowId).matches("action-[0-9a-f-]{36}");
        assertThat(row.getAttribute("class")).isEqualTo("action-open");
        assertThat(row.findElements(By.tagName("td")).stream().limit(4).map(WebElement::getText).toList())
                .containsExactly("Ask for the LOINC map before validation", "Maya Ortiz", "", title);

        // its status changes in place: htmx swaps the row, the page is not loaded again
        markPage();
        saveStatus(rowId, "Done", "action-done");
        // the swapped row carries the new version, so a second change is not refused as stale
        saveStatus(rowId, "Dropped", "action-dropped");
        assertThat(pageWasKept()).as("saving a status swapped only the row, without loading a new page").isTrue();
        assertThat(driver.findElement(FLASH_SUCCESS).getText()).as("no redirect, so the earlier flash message stays")
                .contains("Action item added for Maya Ortiz.").doesNotContain("marked");

        // and it was saved
        driver.navigate().refresh();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("action-table")));
        assertThat(pageWasKept()).isFalse();
        WebElement reloaded = driver.findElement(By.id(rowId));
        assertThat(reloaded.getAttribute("class")).isEqualTo("action-dropped");
        assertThat(new Select(reloaded.findElement(By.name("status"))).getFirstSelectedOption().getText()).isEqualTo("Dropped");
    }

    /** Chooses the status in the row's select, saves it and waits for htmx to swap in the row with that status. */
    private void saveStatus(String rowId, String label, String cssClass) {
        WebElement before = driver.findElement(By.id(rowId));
        new Select(before.findElement(By.name("status"))).selectByVisibleText(label);
        before.findElement(By.xpath(".//button[normalize-space()='Save']")).click();
        waiting().until(ExpectedConditions.stalenessOf(before));
        waiting().ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.attributeToBe(By.id(rowId), "class", cssClass));
        WebElement after = driver.findElement(By.id(rowId));
        assertThat(after.findElements(By.cssSelector(".field-error"))).isEmpty();
        assertThat(new Select(after.findElement(By.name("status"))).getFirstSelectedOption().getText()).isEqualTo(label);
        assertThat(driver.findElements(By.cssSelector("#action-table tbody tr"))).hasSize(1);
    }

    /** Marks the loaded page; a full navigation loses the mark. */
    private void markPage() {
        ((JavascriptExecutor) driver).executeScript("window.__siteReadyMark = 'kept';");
    }

    private boolean pageWasKept() {
        return "kept".equals(((JavascriptExecutor) driver).executeScript("return window.__siteReadyMark;"));
    }
}
