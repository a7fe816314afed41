package dev.siteready.project;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names that must be unique are one name however they are typed: "Café" with a composed é (NFC) and with e and a
 * combining accent (NFD) collide, and so do a project's workflows that differ only in case or spaces.
 */
@QuarkusTest
class UniqueNamesTest {

    static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    static String nfd(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD);
    }

    @Test
    void aSiteNameInNfdCollidesWithTheSameNameInNfc() {
        WebSession owner = WebSession.signUp("Unicode Sites");
        String name = "Café Général " + UUID.randomUUID().toString().substring(0, 6);
        assertThat(nfd(name)).isNotEqualTo(nfc(name));
        owner.createSite(nfc(name), "");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", nfd(name));
        form.put("timeZone", "America/Chicago");
        form.put("status", "SCOPING");
        form.put("template", "");
        Response again = owner.post("/sites", form);
        assertThat(again.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(again.body().asString());
        assertThat(page.selectFirst("#name-error").text()).isEqualTo("A site called " + nfc(name) + " exists already.");
        assertThat(nfc(page.selectFirst("input#name").val())).isEqualTo(nfc(name)); // the input is kept

        String token = owner.createApiToken("unicode");
        given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body(Map.of("name", nfd(name.toUpperCase()), "timeZone", "America/Chicago"))
                .post("/api/sites").then().statusCode(400);
        // What is stored is NFC, so the unique index sees one spelling.
        UUID creme = owner.createSite(nfd("Crème " + name), "");
        assertThat(owner.page("/sites/" + creme).selectFirst("h1").text()).contains(nfc("Crème " + name));
    }

    @Test
    void catalogModelsAndQuestionnaireTemplatesCompareNamesInNfc() {
        WebSession owner = WebSession.signUp("Unicode Catalog");
        assertThat(owner.post("/catalog/models", Map.of("name", nfc("Pédiatrie"), "description", "")).statusCode()).isEqualTo(303);
        Response model = owner.post("/catalog/models", Map.of("name", nfd("pédiatrie "), "description", ""));
        assertThat(model.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(model.body().asString()).selectFirst("#catalog-problem").text())
                .contains("has a model called " + nfc("pédiatrie") + " already");

        assertThat(owner.post("/templates/questionnaires", Map.of("name", nfc("Évaluation"))).statusCode()).isEqualTo(303);
        assertThat(owner.post("/templates/questionnaires", Map.of("name", nfd("évaluation"))).statusCode()).isEqualTo(400);
    }

    @Test
    void aProjectRefusesASecondWorkflowOfTheSameName() {
        WebSession owner = WebSession.signUp("Unicode Workflows");
        UUID site = owner.createSite("Workflow Hospital " + UUID.randomUUID().toString().substring(0, 6), "Lab results");
        UUID project = owner.firstProject(site);
        String base = "/sites/" + site + "/projects/" + project;
        int fromTemplate = owner.page(base).select(".workflows li").size();
        assertThat(owner.post(base + "/workflows", Map.of("name", nfc("Résultat filed"), "description", "")).statusCode()).isEqualTo(303);

        for (String same : new String[] { nfc("Résultat filed"), nfd("RÉSULTAT FILED"), "  " + nfd("résultat filed") + " " }) {
            Response duplicate = owner.post(base + "/workflows", Map.of("name", same, "description", "Kept on screen"));
            assertThat(duplicate.statusCode()).as(same).isEqualTo(400);
            Document page = Jsoup.parse(duplicate.body().asString());
            assertThat(page.text()).contains("This project has a workflow called");
            assertThat(page.select("input[value=Kept on screen], textarea:containsOwn(Kept on screen)")).as("input kept").isNotEmpty();
        }
        assertThat(owner.post(base + "/workflows", Map.of("name", "Order placed", "description", "")).statusCode()).isEqualTo(303);
        assertThat(owner.page(base).select(".workflows li")).hasSize(fromTemplate + 2);

        // The scope API: two workflows of one name in one scope are a 400 naming the second; nothing changes.
        String token = owner.createApiToken("workflows");
        String scopePath = "/api/sites/" + site + "/projects/" + project + "/scope";
        ObjectNode scope = (ObjectNode) given().header("Authorization", "Bearer " + token).get(scopePath).then().statusCode(200)
                .extract().as(com.fasterxml.jackson.databind.JsonNode.class);
        ArrayNode workflows = new ObjectMapper().createArrayNode();
        workflows.addObject().put("name", "Admit").put("description", "");
        workflows.addObject().put("name", " admit ").put("description", "");
        scope.set("workflows", workflows);
        Response refused = given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body(scope.toString()).put(scopePath);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.jsonPath().getString("fields.'workflows[1].name'")).contains("This project has a workflow called admit already");
        assertThat(owner.page(base).select(".workflows li")).hasSize(fromTemplate + 2);
    }
}
