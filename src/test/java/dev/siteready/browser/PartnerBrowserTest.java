package dev.siteready.browser;

import dev.siteready.scoping.AnswerKey;
import dev.siteready.scoping.StandardQuestionnaire;
import dev.siteready.support.BrowserTest;
import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner in a fresh browser (ChromeDriver starts every session with a new, empty profile) opens a link,
 * answers several kinds of question with autosave, reloads, submits; the manager then sees the answers with
 * their history.
 */
@QuarkusTest
class PartnerBrowserTest extends BrowserTest {

    @Test
    void aPartnerAnswersThroughTheLinkAndTheManagerSeesItWithHistory() {
        WebSession owner = WebSession.signUp("Browser Vendor");
        UUID site = owner.createSite("Browser General " + UUID.randomUUID().toString().substring(0, 6), "Lab results");
        UUID project = owner.firstProject(site);
        String base = "/sites/" + site + "/projects/" + project + "/questionnaire";
        String url = Jsoup.parse(owner.post(base + "/links", Map.of("label", "Pat Lee", "days", "14")).body().asString())
                .selectFirst("#new-link").text();

        driver.get(this.base + url.substring(url.indexOf("/p/") + 1));
        waiting().until(ExpectedConditions.urlMatches("/partner/[0-9a-f-]{36}$"));
        assertThat(driver.getCurrentUrl()).doesNotContain(url.substring(url.indexOf("/p/") + 3));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Browser General");

        String empi = AnswerKey.of(StandardQuestionnaire.HAS_EMPI, "").domId();
        String empiId = AnswerKey.of(StandardQuestionnaire.EMPI_ID, "").domId();
        String count = AnswerKey.of(StandardQuestionnaire.PATIENT_ID_COUNT, "").domId();
        String types = AnswerKey.of(StandardQuestionnaire.PATIENT_ID_TYPES, "").domId();
        String methods = AnswerKey.of(StandardQuestionnaire.CONNECTION_METHODS, "Results|INBOUND").domId();

        // yes/no: the EMPI question appears once the answer is yes (swapped in out of band)
        assertThat(driver.findElements(By.cssSelector("#" + empiId + ".question"))).isEmpty();
        driver.findElement(By.id(empi + "-YES")).click();
        savedVersion(empi, "0");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id(empiId + "-value")));
        new Select(driver.findElement(By.id(empiId + "-value"))).selectByValue("PE");
        savedVersion(empiId, "0");

        // number, by keyboard
        driver.findElement(By.id(count + "-value")).sendKeys("2" + Keys.TAB);
        savedVersion(count, "0");

        // a table: one row, two cells, saved cell by cell
        new Select(driver.findElement(By.id(types + "-cell-0-type"))).selectByValue("MR");
        savedVersion(types, "0");
        driver.findElement(By.id(types + "-cell-0-authority")).sendKeys("MAIN" + Keys.TAB);
        savedVersion(types, "1");

        // multiple choice
        driver.findElement(By.id(methods + "-HL7V2_MLLP")).click();
        savedVersion(methods, "0");
        driver.findElement(By.id(methods + "-FHIR")).click();
        savedVersion(methods, "1");

        driver.navigate().refresh();
        assertThat(driver.findElement(By.id(empi + "-YES")).isSelected()).isTrue();
        assertThat(new Select(driver.findElement(By.id(empiId + "-value"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("PE");
        assertThat(driver.findElement(By.id(count + "-value")).getAttribute("value")).isEqualTo("2");
        assertThat(new Select(driver.findElement(By.id(types + "-cell-0-type"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("MR");
        assertThat(driver.findElement(By.id(types + "-cell-0-authority")).getAttribute("value")).isEqualTo("MAIN");
        assertThat(driver.findElement(By.id(methods + "-HL7V2_MLLP")).isSelected()).isTrue();
        assertThat(driver.findElement(By.id(methods + "-FHIR")).isSelected()).isTrue();

        driver.findElement(By.cssSelector("form[action$='/submit'] button")).click();
        // required questions are still open: they are listed at the button, with links to them, and the partner submits anyway
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#submit ul.open-required")));
        assertThat(driver.findElements(By.cssSelector("#submit ul.open-required a"))).isNotEmpty();
        driver.findElement(By.cssSelector("#submit form[action$='/submit'] button")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash-success"), "submitted for review"));
        assertThat(driver.findElement(By.id("questionnaire-status")).getText()).isEqualTo("Submitted");

        Document manager = owner.page(base);
        assertThat(manager.selectFirst("#questionnaire-status").text()).isEqualTo("Submitted");
        assertThat(manager.selectFirst("#" + types + " input[name=cell-0-authority]").val()).isEqualTo("MAIN");
        Document history = owner.page(base + "/history?question=" + StandardQuestionnaire.PATIENT_ID_TYPES + "&subject=");
        assertThat(history.select("table.history tbody tr")).hasSize(2);
        assertThat(history.select("table.history tbody td").eachText()).contains("Pat Lee (partner link)", "Type (HL7 0203): MR · Medical record number, Assigning authority: MAIN, Example format: —, Issuing system: —");
    }

    /** Waits until the card was saved and shows the answer's new version. */
    private void savedVersion(String cardId, String version) {
        // htmx replaces the card while we look at it: a stale element just means "look again"
        waiting().ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.attributeToBe(By.cssSelector("#" + cardId + " input[name=version]"), "value", version));
        waiting().ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#" + cardId + " .save-state"), "Saved"));
    }
}
