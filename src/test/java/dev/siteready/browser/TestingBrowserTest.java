package dev.siteready.browser;

import dev.siteready.support.BrowserTest;
import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Integrated testing in the browser: start a run of a script, record steps with htmx (swapped in place), log a
 * blocking issue that keeps the run from passing, resolve it, pass the run and see the workflow pass.
 */
@QuarkusTest
class TestingBrowserTest extends BrowserTest {

    /** A flash message of the last redirect (not the hidden region for failed htmx requests). */
    private static final By FLASH_ERROR = By.cssSelector("main > p.flash-error:not(#request-error)");
    private static final By FLASH_SUCCESS = By.cssSelector("main > p.flash-success");

    @Test
    void runAScriptRecordStepsLogAndResolveABlockingIssueAndPassTheWorkflow() {
        // data through the forms, as a signed-in owner
        WebSession owner = WebSession.signUp("Browser Testing Co");
        UUID site = owner.createSite("Browser Testing Site " + UUID.randomUUID().toString().substring(0, 6), "Lab results");
        UUID project = owner.firstProject(site);
        String testing = "/sites/" + site + "/projects/" + project + "/testing";
        String workflowName = "Order to result " + UUID.randomUUID().toString().substring(0, 6);

        Response added = owner.post("/sites/" + site + "/projects/" + project + "/workflows",
                Map.of("name", workflowName, "description", "An order from the EHR comes back as a result"));
        assertEquals(303, added.statusCode(), () -> "adding the workflow failed: " + added.body().asString());
        Element option = owner.page(testing).select("#new-script select[name=workflow] option").stream()
                .filter(o -> o.text().equals(workflowName)).findFirst().orElseThrow();
        String workflow = option.val();

        Response created = owner.post(testing + "/scripts", Map.of("workflow", workflow, "name", "Happy path", "template", ""));
        assertEquals(303, created.statusCode(), () -> "creating the script failed: " + created.body().asString());
        String scriptPath = created.header("Location").replaceFirst("^https?://[^/]+", "");
        assertThat(scriptPath).matches(".*/testing/scripts/[0-9a-f-]{36}$");
        String version = owner.page(scriptPath).selectFirst("#script-form input[name=version]").val();

        Map<String, Object> steps = new LinkedHashMap<>();
        steps.put("name", "Happy path");
        steps.put("workflow", workflow);
        steps.put("description", "Place an order, receive the result");
        steps.put("action", List.of("Place a CBC order in the EHR", "Receive the ORM in the engine", "Send the ORU back"));
        steps.put("expected", List.of("Order is sent", "Order is acknowledged", "Result shows in the chart"));
        steps.put("version", version);
        Response saved = owner.post(scriptPath, steps);
        assertEquals(303, saved.statusCode(), () -> "saving the steps failed: " + saved.body().asString());

        // in the browser, signed in as the same owner
        signIn(owner);

        driver.get(base + scriptPath.substring(1));
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Happy path"));
        driver.findElement(By.id("start-run")).click();
        waiting().until(ExpectedConditions.urlMatches("/testing/runs/[0-9a-f-]{36}$"));
        waiting().until(ExpectedConditions.textToBe(By.id("run-status"), "In progress"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Run 1: Happy path");
        assertThat(driver.findElements(By.cssSelector("#run-steps > li.run-step"))).hasSize(3);
        assertThat(driver.findElement(By.id("step-1-result")).getText()).isEqualTo("Not run");

        // step 1 passed, step 2 failed with a note: htmx swaps the step in place, the page stays
        markPage();
        record(1, "PASSED", null, "Passed");
        record(2, "FAILED", "No ACK within 30 s, control ID 4711", "Failed");
        assertThat(pageWasKept()).as("recording a step swapped only the step, without loading a new page").isTrue();
        assertThat(driver.findElement(By.id("step-3-result")).getText()).isEqualTo("Not run");

        // a blocking issue owned by the health system, linked to step 2
        WebElement form = driver.findElement(By.id("issue-form"));
        form.findElement(By.name("title")).sendKeys("ACK never arrives");
        new Select(form.findElement(By.name("severity"))).selectByVisibleText("Blocking");
        new Select(form.findElement(By.name("side"))).selectByVisibleText("Health system");
        new Select(form.findElement(By.name("step"))).selectByVisibleText("Step 2: Receive the ORM in the engine");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(FLASH_SUCCESS, "Issue #1 logged."));
        assertThat(driver.findElement(By.cssSelector("#issue-1 h3")).getText()).isEqualTo("#1 ACK never arrives Open");
        assertThat(driver.findElement(By.cssSelector("#issue-1 h3 + p")).getText()).startsWith("Blocking · owned by Health system")
                .contains("Happy path, run 1, step 2");
        assertThat(driver.findElement(By.id("step-2-result")).getText()).isEqualTo("Failed");

        // the run cannot pass while the blocking issue is open
        driver.findElement(By.id("pass-run")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(FLASH_ERROR,
                "Run 1 cannot pass while a blocking issue is open"));
        assertThat(driver.findElement(By.id("run-status")).getText()).isEqualTo("In progress");

        // resolve it, with the path to resolution
        WebElement update = driver.findElement(By.cssSelector("#issue-1 form.issue-form"));
        new Select(update.findElement(By.name("status"))).selectByVisibleText("Resolved");
        WebElement resolution = update.findElement(By.name("resolution"));
        resolution.clear();
        resolution.sendKeys("Health system opened the firewall port for ACKs");
        update.findElement(By.xpath(".//button[normalize-space()='Update issue #1']")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(FLASH_SUCCESS, "Issue #1 is resolved."));
        assertThat(driver.findElement(By.cssSelector("#issue-1 h3 .issue-status")).getText()).isEqualTo("Resolved");
        assertThat(driver.findElement(By.cssSelector("#issue-1 p.notes")).getText())
                .isEqualTo("Health system opened the firewall port for ACKs");

        // step 2 again, step 3, then the run passes
        markPage();
        record(2, "PASSED", "ACK received, control ID 4712", "Passed");
        record(3, "PASSED", null, "Passed");
        assertThat(pageWasKept()).isTrue();
        driver.findElement(By.id("pass-run")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(FLASH_SUCCESS, "Run 1 passed."));
        assertThat(driver.findElement(By.id("run-status")).getText()).isEqualTo("Passed");
        assertThat(driver.findElements(By.id("pass-run"))).as("a finished run offers no finish buttons").isEmpty();

        // the testing page: the workflow passed
        driver.get(base + testing.substring(1));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("integrated")));
        WebElement card = driver.findElement(By.id("workflow-" + workflow));
        assertThat(card.findElement(By.cssSelector("h3 .result")).getText()).isEqualTo("Passed");
        assertThat(card.getText()).contains(workflowName).contains("Happy path").contains("Run 1: passed");
    }

    @Test
    void aNewSignOffLinkAndARefusedPhaseChangeAreShownInView() {
        WebSession owner = WebSession.signUp("Browser In View Co");
        UUID site = owner.createSite("Browser In View Site " + UUID.randomUUID().toString().substring(0, 6), "Lab results");
        String testing = "/sites/" + site + "/projects/" + owner.firstProject(site) + "/testing";
        driver.manage().window().setSize(new Dimension(1366, 900));
        signIn(owner);

        // the sign-off link, shown this once, is in view and focused after the page comes back
        driver.get(base + testing.substring(1));
        WebElement linkForm = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("sign-off-link-form")));
        linkForm.findElement(By.name("label")).sendKeys("Pat Lee");
        linkForm.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("new-link-box")));
        waiting().withMessage(() -> where("new-link-box")).until(d -> inView("new-link-box"));
        assertThat(inView("new-link-box")).as("the new link is in the viewport").isTrue();
        waiting().until(d -> "new-link-box".equals(((JavascriptExecutor) d).executeScript("return document.activeElement.id")));
        assertThat(driver.findElement(By.id("new-link")).getText()).contains("/p/");
        assertThat(driver.findElement(By.cssSelector("#new-link-box h3")).getText()).isEqualTo("Sign-off link for Pat Lee");

        // a refused phase change shows why at the phase, in view, in plain words
        driver.get(base + testing.substring(1));
        WebElement phase = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("phase-integrated")));
        phase.findElement(By.tagName("summary")).click();
        new Select(phase.findElement(By.name("status"))).selectByVisibleText("Passed");
        phase.findElement(By.xpath(".//button[normalize-space()='Save integrated testing']")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("phase-integrated-problem")));
        waiting().withMessage(() -> where("phase-integrated-problem")).until(d -> inView("phase-integrated-problem"));
        assertThat(inView("phase-integrated-problem")).as("the refusal is in the viewport").isTrue();
        assertThat(driver.findElement(By.id("phase-integrated-problem")).getText())
                .startsWith("Not saved: Integrated testing can pass only when functional testing has passed (it is not started)");
        assertThat(driver.getCurrentUrl()).endsWith(testing + "/phases/integrated#phase-integrated-problem");
        waiting().until(d -> "phase-integrated-problem".equals(((JavascriptExecutor) d).executeScript("return document.activeElement.id")));

        // opening that address again (the address bar, a bookmark) shows the testing page at the phase, not a 404
        driver.get(driver.getCurrentUrl().replaceFirst("#.*", ""));
        waiting().until(ExpectedConditions.urlToBe(base + testing.substring(1) + "#phase-integrated"));
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Testing to go-live"));
        waiting().withMessage(() -> where("phase-integrated")).until(d -> inView("phase-integrated"));
        assertThat(inView("phase-integrated")).isTrue();
    }

    /**
     * Whether the element's top is within the browser's viewport (the page was scrolled to it or it was in view); a
     * page scrolled to an element can leave its top a fraction of a pixel above the viewport.
     */
    private boolean inView(String id) {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("var r = document.getElementById(arguments[0])"
                + ".getBoundingClientRect(); return r.top > -2 && r.top < window.innerHeight;", id));
    }

    private String where(String id) {
        return id + " at y = " + ((JavascriptExecutor) driver).executeScript("return document.getElementById(arguments[0])"
                + ".getBoundingClientRect().top + ' of ' + window.innerHeight + ', scrolled ' + window.scrollY", id);
    }

    /** Records the step's result through its htmx form and waits for the swapped step to show it. */
    private void record(int number, String result, String note, String label) {
        By step = By.id("step-" + number);
        WebElement before = driver.findElement(step);
        before.findElement(By.cssSelector("input[name=result][value=" + result + "]")).click();
        if (note != null) {
            WebElement field = before.findElement(By.name("note"));
            field.clear();
            field.sendKeys(note);
        }
        before.findElement(By.xpath(".//button[normalize-space()='Record step " + number + "']")).click();
        waiting().until(ExpectedConditions.stalenessOf(before));
        waiting().ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBe(By.id("step-" + number + "-result"), label));
        WebElement after = driver.findElement(step);
        assertThat(after.findElements(By.cssSelector(".field-error"))).isEmpty();
        assertThat(after.findElement(By.cssSelector("input[name=result][value=" + result + "]")).isSelected()).isTrue();
        if (note != null) {
            assertThat(after.findElement(By.name("note")).getAttribute("value")).isEqualTo(note);
        }
    }

    /** Marks the loaded page; a full navigation loses the mark. */
    private void markPage() {
        ((JavascriptExecutor) driver).executeScript("window.__siteReadyMark = 'kept';");
    }

    private boolean pageWasKept() {
        return "kept".equals(((JavascriptExecutor) driver).executeScript("return window.__siteReadyMark;"));
    }
}
