package dev.siteready.testing;

import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Every testing route with another workspace's ids is a 404, for pages, forms, exports and the API. */
@QuarkusTest
class TestingCrossWorkspaceTest {

    @Test
    void idsOfAnotherWorkspaceAreNotFound() {
        TestingTest.Setup a = TestingTest.setup("CrossA");
        String script = a.script("Order → result", "Place an order", "See the result");
        String run = a.startRun(script);
        a.owner().post(run + "/issues", Map.of("title", "Issue", "severity", "MINOR", "side", "VENDOR", "step", "", "resolution", ""));
        a.owner().post(script + "/template", Map.of("name", "Cross template"));
        TestingTest.SignOffLinks.create(a, "Pat");
        Document page = a.page();
        String item = page.selectFirst("tr.checklist-item").id().substring("item-".length());
        String link = page.selectFirst("#sign-off-links tr[id]").id().substring("link-".length());
        Document runPage = a.owner().page(run);
        String step = runPage.selectFirst("li.run-step form").attr("action");
        String issue = runPage.selectFirst("#issue-1 form").attr("action");
        String template = a.owner().page("/settings/test-scripts").selectFirst("article.script-template").id().substring("template-".length());

        WebSession b = WebSession.signUp("CrossB Vendor");
        UUID bSite = b.createSite("CrossB Hospital " + UUID.randomUUID().toString().substring(0, 6), "Lab results");
        UUID bProject = b.firstProject(bSite);
        String bBase = "/sites/" + bSite + "/projects/" + bProject + "/testing";

        for (String path : new String[] { a.base(), a.base() + "/print", a.base() + "/export.csv", script, run,
                // another workspace's project under one's own site, and one's own project with the other's script/run ids
                "/sites/" + bSite + "/projects/" + a.project() + "/testing",
                bBase + script.substring(script.indexOf("/scripts/")), bBase + run.substring(run.indexOf("/runs/")) }) {
            assertThat(b.get(path).statusCode()).as("GET " + path).isEqualTo(404);
        }
        Map<String, String> anyForm = Map.of("status", "IN_PROGRESS", "version", "0", "result", "PASSED", "controlId", "X",
                "name", "N", "workflow", UUID.randomUUID().toString(), "outcome", "PASSED", "label", "L", "days", "3");
        for (String path : new String[] { a.base() + "/phases/functional", a.base() + "/checklist/" + item,
                bBase + "/checklist/" + item, a.base() + "/sign-offs", a.base() + "/sign-off-links",
                a.base() + "/sign-off-links/" + link + "/revoke", bBase + "/sign-off-links/" + link + "/revoke",
                issue, bBase + issue.substring(issue.indexOf("/issues/")), a.base() + "/scripts", script, script + "/delete",
                script + "/template", script + "/runs", step, run + "/issues", run + "/finish",
                "/settings/test-scripts/" + template + "/delete" }) {
            Response r = b.post(path, anyForm);
            assertThat(r.statusCode()).as("POST " + path).isEqualTo(404);
        }
        String bToken = b.createApiToken("B");
        given().header("Authorization", "Bearer " + bToken).get("/api/projects/" + a.project() + "/phases").then().statusCode(404);
        given().header("Authorization", "Bearer " + bToken).get("/api/projects/" + bProject + "/phases").then().statusCode(200);
        // nothing changed in A
        assertThat(a.page().select("article.phase .phase-status").eachText()).containsOnly("Not started");
        assertThat(a.owner().page("/settings/test-scripts").select("article.script-template")).hasSize(1);
        assertThat(a.owner().get(script).statusCode()).isEqualTo(200);
        // malformed ids are not found either
        assertThat(a.owner().get(a.base() + "/../testing/scripts/not-a-uuid").statusCode()).isEqualTo(404);
        assertThat(a.owner().get(a.base().replace("/testing", "") + "/testing/runs/123").statusCode()).isEqualTo(404);
        assertThat(a.owner().post(a.base() + "/phases/nonsense", anyForm).statusCode()).isEqualTo(404);
    }
}
