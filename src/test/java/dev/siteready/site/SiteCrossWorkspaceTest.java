package dev.siteready.site;

import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Every site, project, scope, catalog and template route answers 404 for another workspace's ids. */
@QuarkusTest
class SiteCrossWorkspaceTest {

    @Test
    void anotherWorkspacesIdsAreNotFoundOnEveryRoute() {
        WebSession a = WebSession.signUp("Cross Sites A");
        WebSession b = WebSession.signUp("Cross Sites B");
        UUID site = b.createSite("B's Hospital", "Lab results");
        UUID project = b.firstProject(site);
        String base = "/sites/" + site + "/projects/" + project;
        Document projectPage = b.page(base);
        String row = projectPage.selectFirst("article.scope-row form").attr("action");
        String rowVersion = projectPage.selectFirst("article.scope-row input[name=version]").attr("value");
        String workflowRemove = projectPage.selectFirst("form[action*=/workflows/][action$=/remove]").attr("action");
        String contactRemove = b.page("/sites/" + site).selectFirst("form[action*=/contacts/][action$=/remove]").attr("action");
        Document catalog = b.page("/catalog");
        String modelId = catalog.selectFirst("details[id^=model-]").id().substring("model-".length());
        b.post("/catalog/models/" + modelId + "/events", Map.of("name", "BOnly", "description", ""));
        b.post("/catalog/models/" + modelId + "/fields", Map.of("path", "B.Only", "type", "string", "description", ""));
        catalog = b.page("/catalog");
        String eventRemove = catalog.selectFirst("form[action^=/catalog/events/]").attr("action");
        String fieldRemove = catalog.selectFirst("form[action^=/catalog/fields/][action$=/remove]").attr("action");
        String fieldType = catalog.selectFirst("form[action$=/type]").attr("action");
        String templateDelete = b.page("/templates").selectFirst("form[action$=/delete]").attr("action");

        for (String path : List.of("/sites/" + site, "/sites/" + site + "/edit", base)) {
            Response response = a.get(path);
            assertThat(response.statusCode()).as("GET " + path).isEqualTo(404);
        }
        Map<String, Map<String, ?>> posts = new LinkedHashMap<>();
        posts.put("/sites/" + site, Map.of("name", "Hijacked", "timeZone", "UTC", "status", "LIVE", "version", "0"));
        posts.put("/sites/" + site + "/contacts", Map.of("name", "Intruder"));
        posts.put(contactRemove, Map.of());
        posts.put("/sites/" + site + "/projects", Map.of("name", "Intruder project"));
        posts.put(base + "/rows", Map.of("dataModel", modelId, "direction", "INBOUND", "connectionMethod", "FHIR"));
        posts.put(row, Map.of("direction", "OUTBOUND", "connectionMethod", "FHIR", "version", rowVersion));
        posts.put(row + "/remove", Map.of());
        posts.put(base + "/requirements", Map.of("patientId", "SS"));
        posts.put(base + "/workflows", Map.of("name", "Intruder flow"));
        posts.put(workflowRemove, Map.of());
        posts.put(base + "/template", Map.of("name", "Stolen scope"));
        posts.put(base + "/delete", Map.of());
        posts.put("/catalog/models/" + modelId + "/events", Map.of("name", "Intruder"));
        posts.put("/catalog/models/" + modelId + "/fields", Map.of("path", "Intruder.Path", "type", "string"));
        posts.put(eventRemove, Map.of());
        posts.put(fieldRemove, Map.of());
        posts.put(fieldType, Map.of("type", "number"));
        posts.put(templateDelete, Map.of());
        posts.put("/sites/" + site + "/delete", Map.of("confirmName", "B's Hospital"));
        posts.forEach((path, form) -> assertThat(a.post(path, form).statusCode()).as("POST " + path).isEqualTo(404));

        String token = a.createApiToken("cross");
        for (String path : List.of("/api/sites/" + site, "/api/sites/" + site + "/projects", "/api" + base + "/scope")) {
            given().header("Authorization", "Bearer " + token).get(path).then().statusCode(404);
        }
        given().header("Authorization", "Bearer " + token).contentType("application/json").body("{}")
                .put("/api" + base + "/scope").then().statusCode(404);
        given().header("Authorization", "Bearer " + token).contentType("application/json").body("{\"name\": \"x\"}")
                .post("/api/sites/" + site + "/projects").then().statusCode(404);

        // B's data is untouched, and the same requests work for B (so the 404s were about the workspace).
        Document after = b.page(base);
        assertThat(after.select("article.scope-row")).hasSize(2);
        assertThat(b.page("/sites/" + site).selectFirst("h1").text()).isEqualTo("B's Hospital");
        assertThat(b.post(base + "/workflows", Map.of("name", "B's own flow")).statusCode()).isEqualTo(303);
        assertThat(b.post(eventRemove, Map.of("version", b.page("/catalog").selectFirst("form[action=" + eventRemove + "] input[name=version]")
                .val())).statusCode()).isEqualTo(303);
        assertThat(b.get("/sites/" + site + "/edit").statusCode()).isEqualTo(200);
    }
}
