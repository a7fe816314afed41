package dev.siteready.project;

import dev.siteready.support.Db;
import dev.siteready.support.LogCapture;
import dev.siteready.support.OpenTransaction;
import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Two people changing one project's scope at once: nobody's change is lost, and a refused one keeps its input. */
@QuarkusTest
class ScopeConflictsTest {

    @Test
    void requirementsSavedFromAStalePageAreRefusedWithTheTicksKept() {
        WebSession owner = WebSession.signUp("Requirements Race Co");
        WebSession manager = owner.addMember("MANAGER", "Second Editor");
        UUID site = owner.createSite("Requirements Race Hospital", "Lab results");
        String base = "/sites/" + site + "/projects/" + owner.firstProject(site);
        Document first = owner.page(base);
        Document second = manager.page(base);

        Map<String, List<String>> firstTicks = ticks(first);
        firstTicks.get("patientId").add("PI");
        assertThat(owner.post(base + "/requirements", form(firstTicks, version(first))).statusCode()).isEqualTo(303);

        Map<String, List<String>> secondTicks = ticks(second);
        secondTicks.get("patientId").add("PN");
        Response stale = manager.post(base + "/requirements", form(secondTicks, version(second)));
        assertThat(stale.statusCode()).isEqualTo(409);
        Document shown = Jsoup.parse(stale.body().asString());
        assertThat(shown.selectFirst("#project-problem").text()).contains("Someone else saved the requirements");
        assertThat(shown.select("form[action$=/requirements] input[name=patientId][checked]").eachAttr("value"))
                .contains("PN").doesNotContain("PI");
        assertThat(owner.page(base).select("input[name=patientId][checked]").eachAttr("value")).contains("PI").doesNotContain("PN");

        // saving again from the conflict page (it carries the current version) keeps the second person's ticks
        assertThat(manager.post(base + "/requirements", form(secondTicks, version(shown))).statusCode()).isEqualTo(303);
        assertThat(owner.page(base).select("input[name=patientId][checked]").eachAttr("value")).contains("PN");
    }

    @Test
    void aWorkflowChangedSinceThePageWasShownIsNotRemoved() {
        WebSession owner = WebSession.signUp("Workflow Race Co");
        UUID site = owner.createSite("Workflow Race Hospital", "Lab results");
        String base = "/sites/" + site + "/projects/" + owner.firstProject(site);
        Element remove = owner.page(base).selectFirst("form[action*=/workflows/][action$=/remove]");
        Response stale = owner.post(remove.attr("action"), Map.of("version", "999"));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(stale.body().asString()).selectFirst("#project-problem").text()).contains("Someone else changed the workflow");
        assertThat(owner.page(base).select(".workflows li")).isNotEmpty();
    }

    @Test
    void aRowSavedWhileAnotherSaveOfItCommitsIsRefusedWithTheInputKept() throws Exception {
        WebSession owner = WebSession.signUp("Row Race Co");
        UUID site = owner.createSite("Row Race Hospital", "Lab results");
        String base = "/sites/" + site + "/projects/" + owner.firstProject(site);
        Element row = owner.page(base).selectFirst("article.scope-row");
        String rowId = row.id().substring("row-".length());
        long version = Long.parseLong(row.selectFirst("input[name=version]").attr("value"));
        Map<String, Object> mine = new LinkedHashMap<>();
        mine.put("events", row.select("input[name=events][checked]").eachAttr("value"));
        mine.put("direction", "INBOUND");
        mine.put("connectionMethod", "FHIR");
        mine.put("messagesPerDay", "1234");
        mine.put("peakPerHour", "");
        mine.put("version", String.valueOf(version));

        Response response;
        try (LogCapture log = LogCapture.start(); OpenTransaction theirs = OpenTransaction.begin(Db.workspaceOf(owner.email))) {
            theirs.update("UPDATE scope_row SET messages_per_day = 777, version = version + 1 WHERE id = ?", UUID.fromString(rowId));
            response = theirs.commitWhileWaiting(() -> owner.post(base + "/rows/" + rowId, mine));
            assertThat(log.stackTracesAndCommitFailures()).isEmpty();
        }
        assertThat(response.statusCode()).isEqualTo(409);
        Document page = Jsoup.parse(response.body().asString());
        assertThat(page.selectFirst("#project-problem").text()).contains("Someone else changed this row");
        Element shown = page.getElementById("row-" + rowId);
        assertThat(shown.selectFirst("input[name=messagesPerDay]").val()).isEqualTo("1234");
        assertThat(shown.selectFirst("input[name=version]").val()).isEqualTo(String.valueOf(version + 1));
        assertThat(owner.page(base).getElementById("row-" + rowId).selectFirst("input[name=messagesPerDay]").val()).isEqualTo("777");
    }

    @Test
    void theScopeApiAnswersWithAnETagAndRefusesAStaleOrBogusIfMatch() {
        WebSession owner = WebSession.signUp("Scope ETag Co");
        String token = owner.createApiToken("etag");
        UUID site = owner.createSite("Scope ETag Hospital", "Lab results");
        UUID project = owner.firstProject(site);
        String scope = "/api/sites/" + site + "/projects/" + project + "/scope";

        Response read = api(token).get(scope);
        assertThat(read.statusCode()).isEqualTo(200);
        String etag = read.header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        assertThat(api(token).get(scope).header("ETag")).as("unchanged scope, same tag").isEqualTo(etag);
        String body = read.body().asString();

        // two clients that read the same version both replace it: the first wins, the second is told
        Response firstPut = api(token).header("If-Match", etag).contentType("application/json").body(body).put(scope);
        assertThat(firstPut.statusCode()).isEqualTo(200);
        String newTag = firstPut.header("ETag");
        assertThat(newTag).isNotEqualTo(etag).isEqualTo(api(token).get(scope).header("ETag"));
        Response secondPut = api(token).header("If-Match", etag).contentType("application/json")
                .body(body.replace("\"patientIdentifierTypes\":[", "\"patientIdentifierTypes\":[\"PN\",")).put(scope);
        assertThat(secondPut.statusCode()).isEqualTo(412);
        assertThat(secondPut.contentType()).startsWith("application/json");
        assertThat(secondPut.jsonPath().getInt("status")).isEqualTo(412);
        assertThat(secondPut.jsonPath().getString("message")).contains("If-Match");
        assertThat(api(token).get(scope).jsonPath().getList("patientIdentifierTypes")).doesNotContain("PN");

        for (String bogus : List.of("bogus", "\"bogus\"", "W/" + newTag, newTag.replace("\"", ""))) {
            assertThat(api(token).header("If-Match", bogus).contentType("application/json").body(body).put(scope).statusCode())
                    .as(bogus).isEqualTo(412);
        }
        // a change through the page changes the tag too
        Document page = owner.page("/sites/" + site + "/projects/" + project);
        Map<String, List<String>> ticks = ticks(page);
        ticks.get("patientId").add("PI");
        assertThat(owner.post("/sites/" + site + "/projects/" + project + "/requirements", form(ticks, version(page))).statusCode())
                .isEqualTo(303);
        assertThat(api(token).header("If-Match", newTag).contentType("application/json").body(body).put(scope).statusCode())
                .isEqualTo(412);

        // documented: If-Match is optional (last write wins), "*" and a list naming the current tag match
        String current = api(token).get(scope).header("ETag");
        assertThat(api(token).header("If-Match", "\"other\", " + current).contentType("application/json").body(body).put(scope)
                .statusCode()).isEqualTo(200);
        assertThat(api(token).header("If-Match", "*").contentType("application/json").body(body).put(scope).statusCode()).isEqualTo(200);
        assertThat(api(token).contentType("application/json").body(body).put(scope).statusCode()).isEqualTo(200);
    }

    private static io.restassured.specification.RequestSpecification api(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    /** What the requirements form sends as shown: its ticked boxes by name. */
    private static Map<String, List<String>> ticks(Document page) {
        Map<String, List<String>> ticks = new LinkedHashMap<>();
        for (String name : List.of("patientId", "providerId", "codeSystem", "field")) {
            ticks.put(name, new ArrayList<>(page.select("form[action$=/requirements] input[name=" + name + "][checked]")
                    .eachAttr("value")));
        }
        return ticks;
    }

    private static Map<String, Object> form(Map<String, List<String>> ticks, String version) {
        Map<String, Object> form = new LinkedHashMap<>();
        ticks.forEach((name, values) -> {
            if (!values.isEmpty()) {
                form.put(name, values);
            }
        });
        form.put("version", version);
        return form;
    }

    private static String version(Document page) {
        return page.selectFirst("form[action$=/requirements] input[name=version]").attr("value");
    }
}
