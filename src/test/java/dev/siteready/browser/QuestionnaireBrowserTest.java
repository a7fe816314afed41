package dev.siteready.browser;

import dev.siteready.scoping.AnswerKey;
import dev.siteready.scoping.StandardQuestionnaire;
import dev.siteready.support.BrowserTest;
import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Maya answers the questionnaire by keyboard: the autosave swaps the card, the focus stays, the menu keeps count. */
@QuarkusTest
class QuestionnaireBrowserTest extends BrowserTest {

    @Test
    void tabbingOutOfAnAnswerSavesItKeepsTheFocusAndUpdatesTheSectionMenu() {
        WebSession owner = WebSession.signUp("Browser Keyboard Co");
        UUID site = owner.createSite("Browser Keyboard Site " + UUID.randomUUID().toString().substring(0, 6), "Lab results");
        UUID project = owner.firstProject(site);
        signIn(owner);
        driver.get(base + "sites/" + site + "/projects/" + project + "/questionnaire");
        String total = String.valueOf(driver.findElements(By.cssSelector("#section-connection article.question")).size());
        assertThat(menuCount("connection")).isEqualTo("0/" + total);

        // a table answer: the next cell keeps the focus after the card is swapped
        String types = AnswerKey.of(StandardQuestionnaire.PATIENT_ID_TYPES, "").domId();
        new Select(driver.findElement(By.id(types + "-cell-0-type"))).selectByValue("MR");
        saved(types, "0");
        driver.findElement(By.id(types + "-cell-0-authority")).sendKeys("MAIN" + Keys.TAB);
        saved(types, "1");
        assertThat(activeId()).isEqualTo(types + "-cell-0-format");

        // a text answer: tabbing out lands on the card's Save button, which keeps the focus after the swap
        String hours = AnswerKey.of(StandardQuestionnaire.BUSINESS_HOURS, "").domId();
        driver.findElement(By.id(hours + "-value")).sendKeys("Mon-Fri 07:00-19:00" + Keys.TAB);
        saved(hours, "0");
        assertThat(activeId()).isEqualTo(hours + "-save");

        // by keyboard in the Connection section: its menu entry counts the answer without a reload
        String methods = AnswerKey.of(StandardQuestionnaire.CONNECTION_METHODS, "Results|INBOUND").domId();
        driver.findElement(By.id(methods + "-FHIR")).sendKeys(Keys.SPACE);
        saved(methods, "0");
        waiting().until(d -> menuCount("connection").equals("1/" + total));
        assertThat(activeId()).isEqualTo(methods + "-FHIR");
        driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(activeId()).as("tabbing on goes to the next control of the card").isNotEqualTo(methods + "-FHIR").isNotEmpty();
    }

    private String menuCount(String section) {
        return (String) ((JavascriptExecutor) driver).executeScript(
                "return document.querySelector('#nav-count-' + arguments[0] + ' [aria-hidden]').textContent", section);
    }

    /** The id of the focused element (its tag and text if it has none); empty when the focus fell back to the body. */
    private String activeId() {
        return (String) ((JavascriptExecutor) driver).executeScript(
                "var a = document.activeElement; return !a || a === document.body ? '' : a.id || a.tagName + ' ' + a.textContent.trim();");
    }

    /** Waits until the card was saved and shows the answer's new version. */
    private void saved(String cardId, String version) {
        waiting().ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.attributeToBe(By.cssSelector("#" + cardId + " input[name=version]"), "value", version));
        waiting().ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#" + cardId + " .save-state"), "Saved"));
    }
}
