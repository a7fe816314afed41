package dev.siteready.browser;

import dev.siteready.scoping.AnswerKey;
import dev.siteready.scoping.StandardQuestionnaire;
import dev.siteready.support.BrowserTest;
import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner's page on a phone (390 × 844 CSS pixels, as a mobile browser lays it out): nothing wider than the screen,
 * an identifier table as one card per row with labelled fields, and what needs follow-up on the first screen.
 */
@QuarkusTest
class PartnerPhoneBrowserTest extends BrowserTest {

    private static final int WIDTH = 390;
    private static final int HEIGHT = 844;

    @Test
    void onAPhoneThePartnerPageFitsTheScreenAndShowsWhatNeedsFollowUpFirst() {
        WebSession owner = WebSession.signUp("Phone Vendor");
        UUID site = owner.createSite("Phone General " + UUID.randomUUID().toString().substring(0, 6), "Lab results");
        UUID project = owner.firstProject(site);
        String base = "/sites/" + site + "/projects/" + project + "/questionnaire";
        String types = AnswerKey.of(StandardQuestionnaire.PATIENT_ID_TYPES, "").domId();
        Map<String, String> table = new LinkedHashMap<>(Map.of("question", StandardQuestionnaire.PATIENT_ID_TYPES, "subject", "",
                "version", "", "cell-0-type", "MR", "cell-0-authority", "MAIN", "cell-0-format", "A999999", "cell-0-system", "Epic ADT"));
        table.putAll(Map.of("cell-1-type", "PE", "cell-1-authority", "EMPI", "cell-1-format", "99999999", "cell-1-system", "Enterprise MPI"));
        assertThat(owner.post(base + "/answers", table).statusCode()).isEqualTo(303);
        for (String question : List.of(StandardQuestionnaire.PATIENT_ID_TYPES, StandardQuestionnaire.DAILY_VOLUME)) {
            owner.post(base + "/follow-up", Map.of("question", question, "subject", "", "followUp", "true"));
        }
        String url = Jsoup.parse(owner.post(base + "/links", Map.of("label", "Pat Lee", "days", "14")).body().asString())
                .selectFirst("#new-link").text();

        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", WIDTH, "height", HEIGHT, "deviceScaleFactor", 3, "mobile", true));
        driver.get(this.base + url.substring(url.indexOf("/p/") + 1));
        waiting().until(ExpectedConditions.urlMatches("/partner/[0-9a-f-]{36}$"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id(types + "-cell-0-type")));

        assertThat(number("return window.innerWidth")).isEqualTo(WIDTH);
        assertThat(number("return document.documentElement.scrollWidth")).as("page width").isLessThanOrEqualTo(WIDTH);
        @SuppressWarnings("unchecked")
        List<String> wider = (List<String>) js().executeScript("""
                const out = [];
                for (const e of document.querySelectorAll('main *')) {
                  const r = e.getBoundingClientRect();
                  if (r.width > 0 && (r.right > window.innerWidth + 0.5 || r.left < -0.5)) out.push(e.tagName + '#' + e.id + '.' + e.className);
                  if (e.scrollWidth > e.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX)
                      && !e.matches('input, select, textarea')) out.push('scrolls: ' + e.tagName + '.' + e.className);
                }
                return out;""");
        assertThat(wider).as("elements beyond the screen or scrolling sideways").isEmpty();

        // the table: one card per row, each field with its column's name above it, as wide as the card
        WebElement type = driver.findElement(By.id(types + "-cell-0-type"));
        WebElement authority = driver.findElement(By.id(types + "-cell-0-authority"));
        assertThat(authority.getRect().getY()).as("fields stacked").isGreaterThan(type.getRect().getY());
        assertThat(type.getRect().getWidth()).as("the type's choice is wide enough to read").isGreaterThan(WIDTH / 2);
        List<WebElement> labels = driver.findElements(By.cssSelector("#" + types + " tbody tr:first-child .cell-label"));
        assertThat(labels).extracting(WebElement::getText)
                .containsExactly("Type (HL7 0203)", "Assigning authority", "Example format", "Issuing system");
        assertThat(labels).allSatisfy(l -> assertThat(l.isDisplayed()).isTrue());

        // what needs follow-up, on the first screen
        WebElement summary = driver.findElement(By.id("follow-up-summary"));
        assertThat(summary.isDisplayed()).isTrue();
        assertThat(summary.findElement(By.tagName("h2")).getText()).isEqualTo("2 answers need follow-up");
        assertThat(summary.getRect().getY() + summary.getRect().getHeight()).as("bottom of the summary").isLessThanOrEqualTo(HEIGHT);
        summary.findElement(By.linkText("Which patient identifier types do you send?")).click();
        waiting().until(d -> number("return Math.round(document.getElementById('" + types + "').getBoundingClientRect().top)") < HEIGHT / 2);
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }

    private long number(String script) {
        return ((Number) js().executeScript(script)).longValue();
    }
}
