package dev.siteready.catalog;

import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class CatalogTest {

    static Element model(Document catalog, String name) {
        return catalog.select("details[id^=model-]").stream()
                .filter(d -> d.selectFirst("summary strong").text().equals(name)).findFirst().orElseThrow();
    }

    static UUID modelId(Document catalog, String name) {
        return UUID.fromString(model(catalog, name).id().substring("model-".length()));
    }

    @Test
    void newWorkspaceHasTheBuiltInCatalog() {
        WebSession owner = WebSession.signUp("Catalog Seed Co");
        Document catalog = owner.page("/catalog");

        assertThat(catalog.select("details[id^=model-]")).hasSize(18);
        Element results = model(catalog, "Results");
        assertThat(results.select("table").first().select("tbody td:first-child").eachText())
                .containsExactly("New", "NewUnsolicited");
        assertThat(results.select("code").eachText()).contains("Orders[].Results[].Code", "Orders[].Results[].Units");
        assertThat(model(catalog, "PatientAdmin").select("table").first().select("tbody tr")).hasSize(11);
        assertThat(results.select("form[action$=/remove]")).as("built-ins cannot be removed").isEmpty();
        assertThat(owner.page("/catalog/changes").select("tbody td").eachText()).anyMatch(t -> t.startsWith("Built-in catalog loaded: 18 models, 58 events"));
    }

    @Test
    void additionsAreLoggedWithWhoAndHostileNamesAreEscaped() {
        WebSession owner = WebSession.signUp("Catalog Add Co");
        assertThat(owner.post("/catalog/models", Map.of("name", "<b>Imaging</b>", "description", "DICOM-ish")).statusCode()).isEqualTo(303);
        Document catalog = owner.page("/catalog");
        UUID imaging = modelId(catalog, "<b>Imaging</b>");
        assertThat(catalog.select("main b")).isEmpty();

        assertThat(owner.post("/catalog/models/" + imaging + "/events", Map.of("name", "StudyComplete", "description", "")).statusCode()).isEqualTo(303);
        assertThat(owner.post("/catalog/models/" + imaging + "/fields", Map.of("path", "Study.AccessionNumber", "type", "string",
                "description", "Accession")).statusCode()).isEqualTo(303);

        assertThat(owner.page("/catalog/changes").select("tbody tr").eachText())
                .anyMatch(t -> t.contains("Owner of Catalog Add Co") && t.contains("Model <b>Imaging</b> added"))
                .anyMatch(t -> t.contains("Event <b>Imaging</b> StudyComplete added"))
                .anyMatch(t -> t.contains("Field <b>Imaging</b> Study.AccessionNumber (string) added"));
    }

    @Test
    void invalidAdditionsKeepTheInputAndSayWhy() {
        WebSession owner = WebSession.signUp("Catalog Invalid Co");
        Response duplicate = owner.post("/catalog/models", Map.of("name", "results", "description", "again"));
        assertThat(duplicate.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(duplicate.body().asString());
        assertThat(page.selectFirst("#catalog-problem").text()).contains("has a model called results already");
        assertThat(page.selectFirst("#model-name").attr("value")).isEqualTo("results");
        assertThat(page.selectFirst("#model-description").attr("value")).isEqualTo("again");

        UUID results = modelId(owner.page("/catalog"), "Results");
        Response badType = owner.post("/catalog/models/" + results + "/fields", Map.of("path", "X.Y", "type", "blob", "description", ""));
        assertThat(badType.statusCode()).isEqualTo(400);
        Document typed = Jsoup.parse(badType.body().asString());
        assertThat(typed.selectFirst("#catalog-problem").text()).contains("Choose one of the field types");
        assertThat(typed.selectFirst("#field-path-" + results).attr("value")).isEqualTo("X.Y");
        assertThat(typed.selectFirst("#model-" + results).hasAttr("open")).isTrue();

        Response huge = owner.post("/catalog/models", Map.of("name", "n".repeat(1024 * 1024), "description", ""));
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(huge.body().asString()).selectFirst("#catalog-problem").text()).contains("longer than 80");
    }

    @Test
    void usedEventsAndFieldsCannotBeRemovedOrRetypedButUnusedOnesCan() {
        WebSession owner = WebSession.signUp("Catalog Additive Co");
        UUID results = modelId(owner.page("/catalog"), "Results");
        owner.post("/catalog/models/" + results + "/events", Map.of("name", "Corrected", "description", "A corrected result"));
        owner.post("/catalog/models/" + results + "/fields", Map.of("path", "Orders[].Results[].Method", "type", "string", "description", ""));
        owner.post("/catalog/models/" + results + "/fields", Map.of("path", "Orders[].Results[].Spare", "type", "string", "description", ""));
        Element model = model(owner.page("/catalog"), "Results");
        String correctedId = eventId(model, "Corrected");
        String methodId = fieldId(model, "Orders[].Results[].Method");
        String spareId = fieldId(model, "Orders[].Results[].Spare");

        // A project uses the new event and requires the new field.
        UUID site = owner.createSite("Additive Site", "");
        UUID project = owner.firstProject(site);
        String base = "/sites/" + site + "/projects/" + project;
        owner.post(base + "/rows", Map.of("dataModel", results.toString(), "direction", "INBOUND", "connectionMethod", "FHIR",
                "messagesPerDay", "", "peakPerHour", ""));
        Document projectPage = owner.page(base);
        Element row = projectPage.selectFirst("article.scope-row");
        String rowAction = row.selectFirst("form").attr("action");
        assertThat(owner.post(rowAction, Map.of("events", correctedId, "direction", "INBOUND", "connectionMethod", "FHIR",
                "version", row.selectFirst("input[name=version]").attr("value"))).statusCode()).isEqualTo(303);
        assertThat(owner.post(base + "/requirements", Map.of("field", methodId, "version",
                projectPage.selectFirst("form[action$=/requirements] input[name=version]").attr("value"))).statusCode()).isEqualTo(303);

        Response removeUsedEvent = owner.post("/catalog/events/" + correctedId + "/remove", Map.of());
        assertThat(removeUsedEvent.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(removeUsedEvent.body().asString()).selectFirst("#catalog-problem").text())
                .contains("Results Corrected is in a project's scope");
        Response removeUsedField = owner.post("/catalog/fields/" + methodId + "/remove", Map.of());
        assertThat(removeUsedField.statusCode()).isEqualTo(409);
        assertThat(owner.post("/catalog/fields/" + methodId + "/type", Map.of("type", "number")).statusCode()).isEqualTo(409);

        String builtInEvent = owner.page(base).select("article.scope-row input[name=events]").stream()
                .filter(i -> i.parent().text().equals("New")).findFirst().orElseThrow().attr("value");
        assertThat(owner.post("/catalog/events/" + builtInEvent + "/remove", Map.of()).statusCode()).isEqualTo(409);

        assertThat(owner.post("/catalog/fields/" + spareId + "/type", Map.of("type", "number", "version",
                fieldVersion(owner, "Orders[].Results[].Spare"))).statusCode()).isEqualTo(303);
        assertThat(fieldRow(model(owner.page("/catalog"), "Results"), "Orders[].Results[].Spare").text()).contains("number");
        assertThat(owner.post("/catalog/fields/" + spareId + "/remove", Map.of("version",
                fieldVersion(owner, "Orders[].Results[].Spare"))).statusCode()).isEqualTo(303);
        assertThat(model(owner.page("/catalog"), "Results").select("code").eachText()).doesNotContain("Orders[].Results[].Spare")
                .contains("Orders[].Results[].Method");
        assertThat(owner.page("/catalog/changes").text()).contains("retyped from string to number").contains("removed (it was unused)");
    }

    @Test
    void jsonImportIsATolerantReaderThatReportsWhatItAddedAndIgnored() {
        WebSession owner = WebSession.signUp("Catalog Import Co");
        String json = """
                {
                  "$schema": "http://json-schema.org/draft-07/schema#",
                  "title": "Imaging",
                  "description": "Radiology studies",
                  "x-vendor-extension": {"anything": true},
                  "events": ["StudyScheduled", {"name": "StudyComplete", "description": "Images available", "color": "red"}],
                  "properties": {
                    "Meta": {"properties": {"EventType": {"enum": ["StudyScheduled", "StudyCancelled"]}}},
                    "Study": {"type": "object", "properties": {
                      "AccessionNumber": {"type": "string", "description": "Accession", "x-internal": 1},
                      "Modality": {"type": ["string", "null"]},
                      "PerformedAt": {"type": "string", "format": "date-time"},
                      "Images": {"type": "array", "items": {"type": "object", "properties": {"SOPInstanceUID": {"type": "string"}}}},
                      "Tags": {"type": "array", "items": {"type": "string"}}
                    }}
                  }
                }
                """;
        Response response = owner.post("/catalog/import", Map.of("json", json));
        assertThat(response.statusCode()).isEqualTo(200);
        Document report = Jsoup.parse(response.body().asString());
        assertThat(report.select(".report-added li").eachText()).contains("model Imaging", "event Imaging StudyScheduled",
                "event Imaging StudyComplete", "event Imaging StudyCancelled", "field Imaging Study.AccessionNumber (string)",
                "field Imaging Study.Modality (string)", "field Imaging Study.PerformedAt (date-time)",
                "field Imaging Study.Images[].SOPInstanceUID (string)", "field Imaging Study.Tags[] (string)");
        assertThat(report.select(".report-ignored li").eachText()).contains("Imaging.x-vendor-extension",
                "Imaging.Study.AccessionNumber.x-internal").noneMatch(t -> t.contains("$schema"));
        assertThat(model(owner.page("/catalog"), "Imaging").select("code").eachText()).hasSize(5);

        Response again = owner.post("/catalog/import", Map.of("json", json));
        Document second = Jsoup.parse(again.body().asString());
        assertThat(second.selectFirst("#import-report").text()).contains("Nothing new");
    }

    @Test
    void deeplyNestedOrHugeJsonIsRefusedWithAMessage() {
        WebSession owner = WebSession.signUp("Catalog Deep Co");
        for (String json : new String[] { "[".repeat(1200), "{\"title\": \"N\", \"x\": " + "9".repeat(1200) + "}",
                "{\"title\": \"" + "t".repeat(1_000_001) + "\"}" }) {
            Response response = owner.post("/catalog/import", Map.of("json", json));
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(Jsoup.parse(response.body().asString()).selectFirst("#catalog-problem")).isNotNull();
        }
    }

    @Test
    void namesThatOnlyPostgresFoldsApartDoNotBreakTheWorkspace() {
        WebSession owner = WebSession.signUp("Catalog Sigma Co");
        owner.post("/catalog/models", Map.of("name", "ΣΑΣ", "description", ""));
        int second = owner.post("/catalog/models", Map.of("name", "σας", "description", "")).statusCode();
        assertThat(second).isIn(303, 400, 409);
        assertThat(owner.createSite("Still Works Hospital", "Lab results")).isNotNull();
    }

    @Test
    void brokenJsonIsRefusedWithWhereAndKeptOnScreen() {
        WebSession owner = WebSession.signUp("Catalog Broken Co");
        Response response = owner.post("/catalog/import", Map.of("json", "{\"title\": \"X\", "));
        assertThat(response.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(response.body().asString());
        assertThat(page.selectFirst("#catalog-problem").text()).contains("not valid JSON").contains("line 1");
        assertThat(page.selectFirst("#json").text()).isEqualTo("{\"title\": \"X\",");
        Response noTitle = owner.post("/catalog/import", Map.of("json", "{\"properties\": {}}"));
        assertThat(Jsoup.parse(noTitle.body().asString()).selectFirst("#catalog-problem").text()).contains("title");
    }

    /** The id of a workspace-added (removable) event, from its remove form. */
    static String eventId(Element model, String name) {
        return model.select("table").first().select("tbody tr").stream()
                .filter(tr -> tr.selectFirst("td").text().equals(name)).findFirst().orElseThrow()
                .selectFirst("form").attr("action").split("/")[3];
    }

    static Element fieldRow(Element model, String path) {
        return model.select("table").get(1).select("tbody tr").stream()
                .filter(tr -> tr.selectFirst("code").text().equals(path)).findFirst().orElseThrow();
    }

    /** The version the catalog page shows a Results field with (its forms send it back). */
    static String fieldVersion(WebSession owner, String path) {
        return fieldRow(model(owner.page("/catalog"), "Results"), path).selectFirst("input[name=version]").attr("value");
    }

    static String fieldId(Element model, String path) {
        return fieldRow(model, path).selectFirst("form").attr("action").split("/")[3];
    }
}
