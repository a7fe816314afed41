package dev.siteready.project;

import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Markup, a megabyte and NUL in every project, catalog and template field: escaped or refused, never a 500. */
@QuarkusTest
class ScopeHostileInputTest {

    static final String[] HOSTILE = { "<script>alert(1)</script>", "z".repeat(1024 * 1024), "nul\u0000byte", "not-a-uuid" };

    @Test
    void pageFormsRefuseOrEscapeHostileValues() {
        WebSession owner = WebSession.signUp("Scope Hostile Co");
        UUID site = owner.createSite("Hostile Scope Hospital", "Lab results");
        String base = "/sites/" + site + "/projects/" + owner.firstProject(site);
        Document page = owner.page(base);
        String row = page.selectFirst("article.scope-row form").attr("action");
        String version = page.selectFirst("article.scope-row input[name=version]").attr("value");
        String model = page.selectFirst("#dataModel option[value]:not([value=''])").attr("value");
        String modelId = owner.page("/catalog").selectFirst("details[id^=model-]").id().substring(6);

        Map<String, Map<String, String>> forms = new LinkedHashMap<>();
        forms.put("/sites/" + site + "/projects", Map.of("name", "P"));
        forms.put(base + "/rows", Map.of("dataModel", model, "direction", "INBOUND", "connectionMethod", "FHIR",
                "messagesPerDay", "1", "peakPerHour", "1"));
        forms.put(row, Map.of("direction", "INBOUND", "connectionMethod", "FHIR", "messagesPerDay", "1", "version", version,
                "events", "x"));
        forms.put(base + "/requirements", Map.of("patientId", "MR", "providerId", "NPI", "codeSystem", model + ":LN", "field", "x",
                "version", "0"));
        forms.put(base + "/workflows", Map.of("name", "W", "description", "D"));
        forms.put(base + "/template", Map.of("name", "T"));
        forms.put("/catalog/models", Map.of("name", "M", "description", "D"));
        forms.put("/catalog/models/" + modelId + "/events", Map.of("name", "E", "description", "D"));
        forms.put("/catalog/models/" + modelId + "/fields", Map.of("path", "F.P", "type", "string", "description", "D"));
        forms.put("/catalog/import", Map.of("json", "{\"title\": \"J\"}"));
        forms.put("/sites/import", Map.of("csv", "name,time_zone\nA,UTC\n"));

        forms.forEach((path, valid) -> valid.keySet().forEach(field -> {
            for (String hostile : HOSTILE) {
                Map<String, String> values = new LinkedHashMap<>(valid);
                if (values.containsKey("version") && !field.equals("version")) {
                    // the current version, so that the hostile value reaches the form's checks instead of the stale-form check
                    Document current = owner.page(base);
                    values.put("version", (path.equals(row) ? current.selectFirst("form[action=\"" + row + "\"] input[name=version]")
                            : current.selectFirst("form[action$=/requirements] input[name=version]")).attr("value"));
                }
                values.put(field, hostile);
                Response response = owner.post(path, values);
                String label = path + " " + field + "=" + hostile.substring(0, Math.min(10, hostile.length()));
                assertThat(response.statusCode()).as(label).isIn(200, 303, 400, 409);
                if (values.containsKey("version") && !field.equals("version")) {
                    assertThat(response.statusCode()).as(label + " (current version)").isNotEqualTo(409);
                }
                assertThat(response.body().asString()).as(label).doesNotContain("<script>alert(1)");
            }
        }));
        for (String path : new String[] { base, "/sites/" + site, "/catalog", "/templates", "/catalog/changes" }) {
            assertThat(owner.page(path).select("main script")).as(path).isEmpty();
        }
    }

    @Test
    void apiFieldsRefuseHostileValuesWithJsonErrors() {
        WebSession owner = WebSession.signUp("Scope Hostile Api Co");
        String token = owner.createApiToken("hostile");
        for (String hostile : new String[] { "nul\\u0000byte", "z".repeat(300_000), "<b>x</b>" }) {
            for (String body : new String[] {
                    "{\"name\": \"" + hostile + "\", \"timeZone\": \"UTC\"}",
                    "{\"name\": \"Ok " + UUID.randomUUID() + "\", \"timeZone\": \"" + hostile + "\"}",
                    "{\"name\": \"Ok " + UUID.randomUUID() + "\", \"timeZone\": \"UTC\", \"template\": \"" + hostile + "\"}",
                    "{\"name\": \"Ok " + UUID.randomUUID() + "\", \"timeZone\": \"UTC\", \"contacts\": [null, {\"name\": \"" + hostile + "\"}]}" }) {
                int status = given().header("Authorization", "Bearer " + token).contentType("application/json").body(body)
                        .post("/api/sites").statusCode();
                assertThat(status).as(body.substring(0, Math.min(60, body.length()))).isIn(201, 400);
            }
        }
        String site = given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body("{\"name\": \"Scope Target\", \"timeZone\": \"UTC\"}").post("/api/sites").jsonPath().getString("id");
        String project = given().header("Authorization", "Bearer " + token).get("/api/sites/" + site + "/projects").jsonPath().getString("[0].id");
        String scope = "/api/sites/" + site + "/projects/" + project + "/scope";
        for (String body : new String[] { "{\"rows\": [null, {\"dataModel\": null}]}", "{\"rows\": [{\"dataModel\": \"Results\", \"events\": [null]}]}",
                "{\"workflows\": [{\"name\": \"nul\\u0000\"}], \"requiredFields\": {\"Results\": [null]}}",
                "{\"codeSystems\": {\"nul\\u0000\": [\"LN\"]}, \"patientIdentifierTypes\": [null]}", "[]", "null" }) {
            int status = given().header("Authorization", "Bearer " + token).contentType("application/json").body(body)
                    .put(scope).statusCode();
            assertThat(status).as(body).isIn(200, 400);
        }
    }
}
