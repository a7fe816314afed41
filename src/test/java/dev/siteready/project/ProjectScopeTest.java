package dev.siteready.project;

import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class ProjectScopeTest {

    static String option(Document page, String select, String label) {
        return page.select(select + " option").stream().filter(o -> o.text().equals(label)).findFirst().orElseThrow().attr("value");
    }

    static String eventId(Element row, String label) {
        return row.select("input[name=events]").stream().filter(i -> i.parent().text().equals(label)).findFirst()
                .orElseThrow().attr("value");
    }

    @Test
    void scopeIsBuiltRowByRowWithRequirementsAndWorkflows() {
        WebSession owner = WebSession.signUp("Scope Co");
        UUID site = owner.createSite("Scope Hospital", "");
        UUID project = owner.firstProject(site);
        String base = "/sites/" + site + "/projects/" + project;
        Document empty = owner.page(base);
        assertThat(empty.selectFirst(".empty-state").text()).contains("No data models in scope yet");

        String scheduling = option(empty, "#dataModel", "Scheduling");
        assertThat(owner.post(base + "/rows", Map.of("dataModel", scheduling, "direction", "INBOUND",
                "connectionMethod", "REDOX_API", "messagesPerDay", "1200", "peakPerHour", "150")).statusCode()).isEqualTo(303);
        Document page = owner.page(base);
        Element row = page.selectFirst("article.scope-row");
        assertThat(row.selectFirst("h3").text()).isEqualTo("Scheduling");
        assertThat(row.select("input[name=events]")).hasSize(7);

        Response saved = owner.post(row.selectFirst("form").attr("action"), Map.of(
                "events", List.of(eventId(row, "New"), eventId(row, "Cancel")), "direction", "INBOUND",
                "connectionMethod", "REDOX_API", "messagesPerDay", "1300", "peakPerHour", "160",
                "version", row.selectFirst("input[name=version]").attr("value")));
        assertThat(saved.statusCode()).isEqualTo(303);
        Element after = owner.page(base).selectFirst("article.scope-row");
        assertThat(after.select("input[name=events][checked]").stream().map(i -> i.parent().text()).toList())
                .containsExactlyInAnyOrder("New", "Cancel");

        Document withRow = owner.page(base);
        String codeLn = withRow.select("input[name=codeSystem]").stream().filter(i -> i.attr("value").endsWith(":LN"))
                .findFirst().orElseThrow().attr("value");
        String field = withRow.select("input[name=field]").first().attr("value");
        assertThat(owner.post(base + "/requirements", Map.of("patientId", List.of("MR", "PE"), "providerId", "NPI",
                "codeSystem", codeLn, "field", field, "version", requirementsVersion(withRow))).statusCode()).isEqualTo(303);
        Document requirements = owner.page(base);
        assertThat(requirements.select("input[name=patientId][checked]").eachAttr("value")).containsExactly("MR", "PE");
        assertThat(requirements.select("input[name=codeSystem][checked]").eachAttr("value")).containsExactly(codeLn);
        assertThat(requirements.select("input[name=field][checked]").eachAttr("value")).containsExactly(field);

        assertThat(owner.post(base + "/workflows", Map.of("name", "Book → see it in the product", "description", "Within 5 min"))
                .statusCode()).isEqualTo(303);
        assertThat(owner.page(base).select(".workflows li").text()).contains("Book → see it in the product");

        Document sitePage = owner.page("/sites/" + site);
        assertThat(sitePage.selectFirst(".scope-summary tbody tr").text()).isEqualTo("Scheduling Cancel, New Into the product Redox API 1300 160");
    }

    @Test
    void invalidAndStaleRowEditsKeepTheChoicesOnScreen() {
        WebSession owner = WebSession.signUp("Scope Stale Co");
        UUID site = owner.createSite("Stale Hospital", "Lab results");
        String base = "/sites/" + site + "/projects/" + owner.firstProject(site);
        Element row = owner.page(base).select("article.scope-row").get(1);
        String action = row.selectFirst("form").attr("action");
        String version = row.selectFirst("input[name=version]").attr("value");
        String newUnsolicited = eventId(row, "NewUnsolicited");

        Response invalid = owner.post(action, Map.of("events", newUnsolicited, "direction", "INBOUND",
                "connectionMethod", "HL7V2_MLLP", "messagesPerDay", "lots", "version", version));
        assertThat(invalid.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(invalid.body().asString());
        assertThat(page.selectFirst("#project-problem").text()).contains("whole numbers");
        Element shown = page.select("article.scope-row").get(1);
        assertThat(shown.selectFirst("input[name=messagesPerDay]").attr("value")).isEqualTo("lots");
        assertThat(shown.select("input[name=events][checked]").eachAttr("value")).containsExactly(newUnsolicited);

        assertThat(owner.post(action, Map.of("events", newUnsolicited, "direction", "INBOUND", "connectionMethod", "FHIR",
                "version", version)).statusCode()).isEqualTo(303);
        Response stale = owner.post(action, Map.of("direction", "OUTBOUND", "connectionMethod", "FHIR", "version", version));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(stale.body().asString()).selectFirst("#project-problem").text()).contains("Someone else changed this row");

        String foreignEvent = eventId(owner.page(base).select("article.scope-row").get(0), "New");
        Response wrongModel = owner.post(action, Map.of("events", foreignEvent, "direction", "INBOUND", "connectionMethod", "FHIR",
                "version", owner.page(base).select("article.scope-row").get(1).selectFirst("input[name=version]").attr("value")));
        assertThat(wrongModel.statusCode()).isEqualTo(400);
    }

    @Test
    void savingRequirementsKeepsRowFormsOpenElsewhereValid() {
        WebSession owner = WebSession.signUp("Scope Requirements Co");
        UUID site = owner.createSite("Requirements Hospital", "Lab results");
        String base = "/sites/" + site + "/projects/" + owner.firstProject(site);
        Document shown = owner.page(base);
        Element row = shown.select("article.scope-row").get(1);

        assertThat(owner.post(base + "/requirements", Map.of("patientId", "PE", "version", requirementsVersion(shown)))
                .statusCode()).isEqualTo(303);
        Response rowSave = owner.post(row.selectFirst("form").attr("action"), Map.of("events", eventId(row, "New"),
                "direction", "INBOUND", "connectionMethod", "FHIR", "version", row.selectFirst("input[name=version]").attr("value")));
        assertThat(rowSave.statusCode()).isEqualTo(303);
        Document after = owner.page(base);
        assertThat(after.select("input[name=patientId][checked]").eachAttr("value")).containsExactly("PE");
        assertThat(after.select("article.scope-row").get(1).selectFirst("select[name=connectionMethod] option[selected]").text()).isEqualTo("FHIR");
        assertThat(after.select(".workflows li")).hasSize(1);
    }

    @Test
    void theDatabaseRefusesAnEventOrFieldOfAnotherModel() {
        WebSession owner = WebSession.signUp("Scope Model Check Co");
        UUID site = owner.createSite("Model Check Hospital", "Lab results");
        UUID workspace = dev.siteready.support.Db.workspaceOf(owner.email);
        dev.siteready.support.Db.asWorkspace(workspace, c -> {
            // The Order row gets a Results event, and a Results code-system requirement a PatientAdmin field.
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> dev.siteready.support.Db.update(c,
                    "INSERT INTO scope_row_event (scope_row_id, event_id) SELECT r.id, e.id FROM scope_row r, data_model m,"
                            + " data_model_event e, data_model rm WHERE r.data_model_id = rm.id AND rm.name = 'Order'"
                            + " AND e.data_model_id = m.id AND m.name = 'Results' LIMIT 1"))
                    .hasMessageContaining("is not an event of the data model");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> dev.siteready.support.Db.update(c,
                    "INSERT INTO scope_requirement (workspace_id, id, project_id, kind, data_model_id, field_id) SELECT"
                            + " p.workspace_id, gen_random_uuid(), p.id, 'FIELD', rm.id, f.id FROM project p, data_model rm, data_model fm, data_model_field f"
                            + " WHERE rm.name = 'Results' AND fm.name = 'PatientAdmin' AND f.data_model_id = fm.id LIMIT 1"))
                    .hasMessageContaining("violates foreign key constraint");
            return null;
        });
    }

    @Test
    void aScopeBecomesATemplateForTheNextSite() {
        WebSession owner = WebSession.signUp("Scope Template Co");
        UUID site = owner.createSite("Template Source", "Scheduling and registration");
        String base = "/sites/" + site + "/projects/" + owner.firstProject(site);
        assertThat(owner.post(base + "/template", Map.of("name", "Our <i>scheduling</i>")).statusCode()).isEqualTo(303);
        Response duplicate = owner.post(base + "/template", Map.of("name", "our <i>scheduling</i>"));
        assertThat(duplicate.statusCode()).isEqualTo(400);

        Document templates = owner.page("/templates");
        assertThat(templates.select("article h2").eachText()).contains("Our <i>scheduling</i>");
        assertThat(templates.select("main i")).isEmpty();

        UUID next = owner.createSite("Next Site", "Our <i>scheduling</i>");
        assertThat(owner.page("/sites/" + next).select(".scope-summary tbody tr").eachText())
                .anyMatch(t -> t.startsWith("Scheduling Cancel, New, NoShow, Reschedule"));
    }

    @Test
    void rowsAndWorkflowsCanBeRemovedAndProjectsAdded() {
        WebSession owner = WebSession.signUp("Scope Remove Co");
        UUID site = owner.createSite("Remove Hospital", "Lab results");
        String base = "/sites/" + site + "/projects/" + owner.firstProject(site);
        Document page = owner.page(base);
        assertThat(owner.post(page.selectFirst("form[action*=/rows/][action$=/remove]").attr("action"), Map.of()).statusCode()).isEqualTo(303);
        assertThat(owner.page(base).select("article.scope-row")).hasSize(1);
        Element removeWorkflow = page.selectFirst("form[action*=/workflows/][action$=/remove]");
        assertThat(owner.post(removeWorkflow.attr("action"), Map.of("version", removeWorkflow.selectFirst("input[name=version]")
                .attr("value"))).statusCode()).isEqualTo(303);
        assertThat(owner.page(base).select(".workflows li")).isEmpty();

        Response added = owner.post("/sites/" + site + "/projects", Map.of("name", "Phase 2: scheduling"));
        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(owner.page("/sites/" + site).select("article.project h3").eachText()).containsExactly("Initial integration", "Phase 2: scheduling");
        Response invalid = owner.post("/sites/" + site + "/projects", Map.of("name", "x".repeat(200)));
        assertThat(invalid.statusCode()).isEqualTo(400);
        Document again = Jsoup.parse(invalid.body().asString());
        assertThat(again.selectFirst("#project-name-error").text()).contains("Give the project a name");
        assertThat(again.selectFirst("#project-name").attr("value")).hasSize(200);
    }

    /** The project's version the requirements form was shown with. */
    static String requirementsVersion(Document page) {
        return page.selectFirst("form[action$=/requirements] input[name=version]").attr("value");
    }
}
