package dev.siteready.browser;

import dev.siteready.profiling.Samples;
import dev.siteready.support.Axe;
import dev.siteready.support.BrowserTest;
import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core on the key pages of the journeys, each at a laptop size (1366×900) and a phone size (390×844): the
 * manager's home, site list, site, project, questionnaire, feasibility, testing, sample messages and retrospective
 * pages, and the partner's questionnaire. Every violation of axe's default rules is listed, page by page.
 */
@QuarkusTest
class AccessibilityBrowserTest extends BrowserTest {

    private static final List<Dimension> SIZES = List.of(new Dimension(1366, 900), new Dimension(390, 844));

    @Test
    void theKeyPagesHaveNoAxeViolationsOnALaptopOrAPhone() {
        WebSession owner = WebSession.signUp("Accessible Co");
        UUID site = owner.createSite("Accessible General " + UUID.randomUUID().toString().substring(0, 6), "Lab results");
        UUID project = owner.firstProject(site);
        String projectPath = "sites/" + site + "/projects/" + project;
        String link = Jsoup.parse(owner.post("/" + projectPath + "/questionnaire/links", Map.of("label", "Pat Lee", "days", "14"))
                .body().asString()).selectFirst("#new-link").text();
        assertThat(owner.post("/" + projectPath + "/samples", Map.of("samples", Samples.adtA04(1) + "\r" + Samples.oruR01(2)))
                .statusCode()).isEqualTo(200);

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "");
        pages.put("site list", "sites");
        pages.put("site", "sites/" + site);
        pages.put("project", projectPath);
        pages.put("questionnaire", projectPath + "/questionnaire");
        pages.put("feasibility", "sites/" + site + "/feasibility");
        pages.put("testing", projectPath + "/testing");
        pages.put("sample messages", projectPath + "/samples");
        pages.put("retrospective", projectPath + "/retrospective");

        signIn(owner);

        List<String> found = new ArrayList<>();
        for (Dimension size : SIZES) {
            driver.manage().window().setSize(size);
            for (Map.Entry<String, String> page : pages.entrySet()) {
                check(page.getKey(), page.getValue(), size, found);
            }
        }
        // The partner's page, through the link (a partner session in this browser)
        driver.get(base + link.substring(link.indexOf("/p/") + 1));
        waiting().until(ExpectedConditions.urlMatches("/partner/[0-9a-f-]{36}$"));
        String partner = driver.getCurrentUrl().substring(base.toString().length());
        for (Dimension size : SIZES) {
            driver.manage().window().setSize(size);
            check("partner questionnaire", partner, size, found);
        }
        assertThat(found).as("axe-core %s violations", Axe.VERSION).isEmpty();
    }

    private void check(String name, String path, Dimension size, List<String> found) {
        long loading = System.nanoTime();
        driver.get(base + path);
        waiting().until(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
        assertThat(driver.findElements(By.tagName("h1"))).as("%s has a heading (not an error page)", name).isNotEmpty();
        long loaded = System.nanoTime();
        driver.manage().timeouts().scriptTimeout(WAIT);
        String violations = Axe.violations(driver);
        System.out.printf("axe-core on %s at %d×%d: page %d ms, checks %d ms%n", name, size.width, size.height,
                (loaded - loading) / 1_000_000, (System.nanoTime() - loaded) / 1_000_000);
        if (!violations.isEmpty()) {
            found.add(name + " at " + size.width + "×" + size.height + " (/" + path + "):\n" + violations);
        }
    }
}
