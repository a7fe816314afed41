package dev.siteready.browser;

import dev.siteready.profiling.Samples;
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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project's sample messages in the browser: paste samples on the page reached from the project, see their profile,
 * accept a suggested answer in place (htmx swaps the card, the page stays) and find it filled in the questionnaire;
 * and a file picked for the text box is read into it by the browser.
 */
@QuarkusTest
class SamplesBrowserTest extends BrowserTest {

    private static final By CARD = By.cssSelector("article#s-patient-id_types");

    @Test
    void profilePastedSamplesAndAcceptASuggestionInPlace() {
        WebSession owner = WebSession.signUp("Browser Samples Co");
        UUID site = owner.createSite("Browser Samples Site " + UUID.randomUUID().toString().substring(0, 6), "Lab results");
        UUID project = owner.firstProject(site);
        String samples = "sites/" + site + "/projects/" + project + "/samples";

        signIn(owner);

        // from the project page to its sample messages, none profiled yet
        driver.get(base + "sites/" + site + "/projects/" + project);
        driver.findElement(By.id("samples-link")).click();
        waiting().until(ExpectedConditions.urlToBe(base + samples));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Sample messages");
        assertThat(driver.findElement(By.id("no-profile")).getText()).isEqualTo("No samples profiled for this project yet.");

        // paste three messages, segments ending in \n as a text box holds them
        String pasted = String.join("\n", Samples.adtA04(1), Samples.adtA04(2), Samples.oruR01(1)).replace('\r', '\n');
        WebElement box = driver.findElement(By.id("samples-text"));
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", box, pasted);
        assertThat(box.getDomProperty("value")).isEqualTo(pasted);
        driver.findElement(By.cssSelector("#samples-form button[type=submit]")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("profile-summary"), "profiled"));

        // the profile
        assertThat(driver.findElements(By.id("no-profile"))).isEmpty();
        assertThat(driver.findElements(By.id("failures"))).as("all three messages were read").isEmpty();
        assertThat(driver.findElement(By.id("result-heading")).getText()).isEqualTo("Profiled just now");
        assertThat(driver.findElement(By.id("profile-summary")).getText()).contains("3 of 3 messages profiled");
        assertThat(row("#types", "ADT^A04").getText()).contains("PatientAdmin Registration").contains("2.5.1");
        assertThat(row("#types", "ORU^R01").getText()).contains("Results New");
        assertThat(row("#patient-ids", "MAIN").getText()).contains("MR");
        assertThat(row("#patient-ids", "EMPI").getText()).contains("PE");
        assertThat(driver.findElements(By.cssSelector("#profile-list tbody tr"))).hasSize(1);

        // the suggested patient identifier types, not answered yet
        WebElement card = driver.findElement(CARD);
        assertThat(card.findElement(By.cssSelector(".suggested-value")).getText()).contains("MR").contains("MAIN").contains("PE").contains("EMPI");
        assertThat(card.findElement(By.cssSelector(".current-answer")).getText()).isEqualTo("Not answered yet.");
        WebElement accept = card.findElement(By.cssSelector("button[value=accept]"));
        assertThat(accept.getText()).isEqualTo("Accept");
        int cards = driver.findElements(By.cssSelector("#suggestions article.suggestion")).size();

        // accepting it swaps the card in place: htmx posts it, the page is not loaded again
        markPage();
        accept.click();
        waiting().until(ExpectedConditions.stalenessOf(card));
        waiting().ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(CARD, "Matches the answer"));
        assertThat(pageWasKept()).as("accepting swapped only the card, without loading a new page").isTrue();
        assertThat(driver.getCurrentUrl()).isEqualTo(base + samples);
        WebElement accepted = driver.findElement(CARD);
        assertThat(accepted.findElements(By.cssSelector(".flash-error"))).isEmpty();
        assertThat(accepted.findElement(By.cssSelector(".current-answer")).getText()).contains("MR").contains("MAIN");
        assertThat(accepted.findElements(By.tagName("form"))).as("nothing left to accept").isEmpty();
        assertThat(driver.findElements(CARD)).as("the card replaced, not nested or added").hasSize(1);
        assertThat(driver.findElements(By.cssSelector("#suggestions article.suggestion"))).hasSize(cards);

        // the questionnaire has the answer
        driver.get(base + "sites/" + site + "/projects/" + project + "/questionnaire");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("q-patient-id_types")));
        List<WebElement> rows = driver.findElements(By.cssSelector("#q-patient-id_types table.answer-table tbody tr"));
        WebElement mr = rows.stream()
                .filter(r -> "MR".equals(new Select(r.findElement(By.cssSelector("select[name$='-type']"))).getFirstSelectedOption().getDomProperty("value")))
                .findFirst().orElseThrow(() -> new AssertionError("no row with type MR in the answer to patient identifier types"));
        assertThat(mr.findElements(By.cssSelector("input")).stream().map(i -> i.getDomProperty("value")).toList()).contains("MAIN");
        assertThat(mr.findElement(By.cssSelector("input[name$='-authority']")).getDomProperty("value")).isEqualTo("MAIN");
    }

    @Test
    void aPickedFileIsReadIntoTheTextBox() throws IOException {
        WebSession owner = WebSession.signUp("Browser Samples File Co");
        UUID site = owner.createSite("Browser Samples File Site " + UUID.randomUUID().toString().substring(0, 6), "Lab results");
        UUID project = owner.firstProject(site);
        Path dir = Files.createTempDirectory("siteready-samples");
        Path file = dir.resolve("adt-a04.hl7");
        try {
            Files.writeString(file, Samples.adtA04(5), StandardCharsets.UTF_8);
            signIn(owner);
            driver.get(base + "sites/" + site + "/projects/" + project + "/samples");

            // the picker is hidden without JavaScript, shown by app.js
            WebElement pick = driver.findElement(By.cssSelector("div[data-file-pick]"));
            waiting().until(ExpectedConditions.visibilityOf(pick));
            WebElement box = driver.findElement(By.id("samples-text"));
            assertThat(box.getDomProperty("value")).isEmpty();

            pick.findElement(By.cssSelector("input[type=file][data-fill]")).sendKeys(file.toAbsolutePath().toString());
            waiting().until(d -> box.getDomProperty("value").startsWith("MSH"));
            assertThat(box.getDomProperty("value")).contains("CTRL5").contains("PID|1||");
            assertThat(pick.findElement(By.cssSelector("[data-fill-error]")).isDisplayed()).isFalse();
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    /** The first row of the table containing the text. */
    private WebElement row(String table, String text) {
        return driver.findElements(By.cssSelector(table + " tbody tr")).stream().filter(r -> r.getText().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + text + " in " + table + ": "
                        + driver.findElement(By.cssSelector(table)).getText()));
    }

    /** Marks the loaded page; a full navigation loses the mark. */
    private void markPage() {
        ((JavascriptExecutor) driver).executeScript("window.__siteReadyMark = 'kept';");
    }

    private boolean pageWasKept() {
        return "kept".equals(((JavascriptExecutor) driver).executeScript("return window.__siteReadyMark;"));
    }
}
