package dev.siteready.testing;

import dev.siteready.partner.PartnerCookie;
import dev.siteready.support.Db;
import dev.siteready.support.PinnedClock;
import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The corners of testing to go-live: overrides, phases going back, odd input, stale forms, history that must not change. */
@QuarkusTest
@Isolated // pins the application's clock
class TestingEdgeCasesTest {

    @Inject
    PinnedClock clock;

    @AfterEach
    void unpin() {
        clock.reset();
    }

    @Test
    void anOverrideStartsIntegratedTestingButNeverPassesIt() {
        TestingTest.Setup s = TestingTest.setup("NoPassByOverride");
        assertThat(s.phase("integrated", "IN_PROGRESS", Map.of("overrideReason", "First reason")).statusCode()).isEqualTo(303);
        Response r = s.phase("integrated", "PASSED", Map.of("overrideReason", "Try to pass too"));
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(r.body().asString()).getElementById("phase-integrated-problem").text())
                .contains("Integrated testing can pass only when functional testing has passed (it is not started)");
        // starting again after going back records the new reason
        assertThat(s.phase("integrated", "NOT_STARTED", Map.of()).statusCode()).isEqualTo(303);
        assertThat(s.phase("integrated", "IN_PROGRESS", Map.of("overrideReason", "Second reason")).statusCode()).isEqualTo(303);
        Document doc = s.page();
        assertThat(doc.getElementById("phase-integrated-override").text()).contains("Reason: Second reason");
        assertThat(doc.select("#activity li").eachText()).filteredOn(t -> t.contains("(override)")).hasSize(2);
        // started the regular way later, the phase no longer claims an override (the history keeps it)
        UUID workspace = Db.workspaceOf(s.owner().email);
        Db.asWorkspace(workspace, c -> Db.update(c, "UPDATE test_phase SET status = 'PASSED' WHERE project_id = ? AND kind = 'FUNCTIONAL'",
                s.project()));
        assertThat(s.phase("integrated", "NOT_STARTED", Map.of()).statusCode()).isEqualTo(303);
        assertThat(s.phase("integrated", "IN_PROGRESS", Map.of()).statusCode()).isEqualTo(303);
        assertThat(s.page().getElementById("phase-integrated-override")).isNull();
    }

    @Test
    void goLiveLooksAtEveryPhaseAsItStandsNow() {
        TestingTest.Setup s = TestingTest.setup("EveryPhase");
        UUID workspace = Db.workspaceOf(s.owner().email);
        // phases set directly, as if Functional had been set back after Integrated passed and UAT were blocked
        Db.asWorkspace(workspace, c -> Db.update(c, "UPDATE test_phase SET status = CASE kind WHEN 'FUNCTIONAL' THEN 'IN_PROGRESS'"
                + " WHEN 'INTEGRATED' THEN 'PASSED' WHEN 'UAT' THEN 'BLOCKED' WHEN 'PRODUCTION' THEN 'SKIPPED' ELSE status END,"
                + " notes = 'x' WHERE project_id = ?", s.project()));
        String version = s.page().getElementById("scope-version").text();
        s.owner().post(s.base() + "/sign-offs", Map.of("name", "Maya", "role", "IM", "confirm", "yes", "scopeVersion", version));
        String link = TestingTest.SignOffLinks.create(s, "Pat");
        WebSession partner = WebSession.fromOwnAddress();
        assertThat(TestingTest.SignOffLinks.sign(partner, TestingTest.SignOffLinks.open(partner, link), "Pat Lee", "Analyst")
                .statusCode()).isEqualTo(303);
        Response r = s.phase("go-live", "PASSED", Map.of());
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(r.body().asString()).getElementById("phase-go-live-problem").text())
                .contains("functional testing has passed (it is in progress)")
                .contains("user acceptance testing has passed or was skipped (it is blocked)")
                .doesNotContain("sign-off");
    }

    @Test
    void productionTestingNeedsItsTimeAndGoingBackFromGoLiveUndoesLive() {
        TestingTest.Setup s = TestingTest.setup("ProdTime");
        UUID workspace = Db.workspaceOf(s.owner().email);
        Db.asWorkspace(workspace, c -> Db.update(c, "UPDATE test_phase SET status = 'PASSED' WHERE project_id = ?"
                + " AND kind IN ('FUNCTIONAL', 'INTEGRATED', 'UAT')", s.project()));
        Response r = s.phase("production", "IN_PROGRESS", Map.of());
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(r.body().asString()).getElementById("phase-production-problem").text())
                .isEqualTo("Not saved: Production testing can start only when its time at the site is scheduled.");
        assertThat(s.phase("production", "IN_PROGRESS", Map.of("scheduledAt", "2030-06-01T05:00")).statusCode()).isEqualTo(303);
        // far-off years are typos: refused with the input kept, never a 500 or an endless timeline
        for (String bad : List.of("+30000-01-01", "2150-01-01", "+999999999-12-31", "1850-01-01")) {
            r = s.phase("uat", "PASSED", Map.of("plannedEnd", bad));
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            Document doc = Jsoup.parse(r.body().asString());
            assertThat(doc.getElementById("phase-uat-problem").text()).contains("between 2000 and 2099")
                    .contains("(\"" + bad + "\" is not one)");
            assertThat(doc.selectFirst("#phase-uat input[name=plannedEnd]").val()).isEqualTo(bad);
        }
        r = s.phase("production", "IN_PROGRESS", Map.of("scheduledAt", "2150-06-01T05:00"));
        assertThat(r.statusCode()).isEqualTo(400);
        // a long but valid span keeps the timeline to a dozen labels
        assertThat(s.phase("functional", "PASSED", Map.of("plannedStart", "2001-01-01", "plannedEnd", "2099-12-31")).statusCode()).isEqualTo(303);
        assertThat(s.page().select("#timeline-chart text.timeline-tick").size()).isBetween(2, 13);

        Db.asWorkspace(workspace, c -> Db.update(c, "UPDATE test_phase SET status = 'PASSED' WHERE project_id = ? AND kind = 'PRODUCTION'",
                s.project()));
        Db.asWorkspace(workspace, c -> Db.update(c, "UPDATE site SET status = 'LIVE' WHERE id = ?", s.site()));
        Db.asWorkspace(workspace, c -> Db.update(c, "UPDATE test_phase SET status = 'PASSED' WHERE project_id = ? AND kind = 'GO_LIVE'",
                s.project()));
        r = s.phase("go-live", "BLOCKED", Map.of("notes", "Rolled back: the interface engine lost messages"));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(TestingTest.flash(r)).contains("Implementing again");
        assertThat(s.owner().page("/sites/" + s.site()).selectFirst(".facts .status").text()).isEqualTo("Implementing");
    }

    @Test
    void evidenceWithAMessageAnywhereIsRefusedAndOutOfScopeHistoryNeverChanges() {
        TestingTest.Setup s = TestingTest.setup("Payloads");
        Element row = s.page().selectFirst("tr.checklist-item");
        String path = s.base() + "/checklist/" + row.id().substring("item-".length());
        String version = row.selectFirst("input[name=version]").val();
        for (String note : List.of("Seen: MSH|^~\\&|EPIC|MAIN|||20261126||ADT^A04|1|P|2.5.1\rPID|1||123^^^MRN||DOE^JOHN",
                " MSH|^~\\&|LAB", "ok\nPID|1||123", "{\"resourceType\": \"Patient\", \"name\": [{\"family\": \"Doe\"}]}",
                // pasted into a one-line field, the line breaks are gone or spaces
                "Sent: MSH|^~\\&|EPIC|MAIN|||20261126||ORU^R01|9|P|2.5.1 PID|1||12345^^^MRN||DOE^JOHN",
                "EVN|A04|20261126 PID|1||12345^^^MRN||DOE^JOHN",
                "<Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"Doe\"/></name></Patient>")) {
            Response r = s.owner().post(path, Map.of("result", "FAILED", "controlId", "", "logId", "", "note", note, "version", version));
            assertThat(r.statusCode()).as(note).isEqualTo(400);
        }
        // a note that mentions segments and fields is fine
        assertThat(s.owner().post(path, Map.of("result", "PASSED", "controlId", "MSG1", "logId", "", "note",
                "PID-3 has MR and PE; OBX-3 uses LOINC; OBX|5 was empty", "version", version)).statusCode()).isEqualTo(303);
        // and a new issue cannot carry a message either
        String run = s.startRun(s.script("Flow", "Step"));
        Response issue = s.owner().post(run + "/issues", Map.of("title", "Bad ORU", "severity", "MAJOR", "side", "VENDOR", "step", "",
                "resolution", "Resend MSH|^~\\&|LAB|MAIN"));
        assertThat(issue.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(issue.body().asString()).getElementById("issue-problem").text()).contains("never keeps message content");

        // take Order out of scope: its items keep their results and can change no more, not even the note
        Document project = s.owner().page("/sites/" + s.site() + "/projects/" + s.project());
        String orderRow = project.select("article.scope-row").stream().filter(a -> a.selectFirst("h3").text().equals("Order"))
                .findFirst().orElseThrow().selectFirst("form").attr("action");
        assertThat(s.owner().post(orderRow + "/remove", Map.of()).statusCode()).isEqualTo(303);
        Document doc = s.page();
        assertThat(doc.select("#out-of-scope tbody tr")).hasSize(3);
        Response r = s.owner().post(path, Map.of("result", "PASSED", "controlId", "MSG1", "logId", "", "note", "changed later",
                "version", "1"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(s.page().select("#out-of-scope").text()).contains("PID-3 has MR and PE").doesNotContain("changed later");
        // the history names SiteReady, not whoever looked at the page
        assertThat(doc.select("#activity li").eachText()).anyMatch(t -> t.contains("SiteReady (follows the scope)")
                && t.contains("3 items marked out of scope"));
        assertThat(doc.select("#activity li").eachText()).anyMatch(t -> t.contains("Functional checklist made from the scope: 4 items."));
        // the catalog keeps an event type that checklist history refers to, and says why
        UUID workspace = Db.workspaceOf(s.owner().email);
        UUID event = UUID.randomUUID();
        Db.asWorkspace(workspace, c -> Db.update(c, "INSERT INTO data_model_event (workspace_id, id, data_model_id, name)"
                + " SELECT workspace_id, ?, id, 'Resend' FROM data_model WHERE name = 'Order'", event));
        Db.asWorkspace(workspace, c -> Db.update(c, "INSERT INTO checklist_item (workspace_id, id, project_id, event_id, direction,"
                + " in_scope) VALUES (app_current_workspace(), gen_random_uuid(), ?, ?, 'OUTBOUND', false)", s.project(), event));
        r = s.owner().post("/catalog/events/" + event + "/remove", Map.of());
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(r.body().asString()).selectFirst("#catalog-problem").text()).contains("its test history");
    }

    @Test
    void scriptsStayWithTheirWorkflowAndRefusedFormsKeepTheirInput() {
        TestingTest.Setup s = TestingTest.setup("StaleForms");
        String script = s.script("Order → result", "Place an order", "See the result");
        s.passingRun(script);
        assertThat(s.owner().post("/sites/" + s.site() + "/projects/" + s.project() + "/workflows",
                Map.of("name", "Second flow", "description", "")).statusCode()).isEqualTo(303);
        Document page = s.owner().page(script);
        String other = page.select("#script-form select[name=workflow] option").stream().filter(o -> o.text().equals("Second flow"))
                .findFirst().orElseThrow().val();
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", "Order → result");
        form.put("workflow", other);
        form.put("description", "");
        form.put("action", List.of("Place an order"));
        form.put("expected", List.of("ok"));
        form.put("version", page.selectFirst("#script-form input[name=version]").val());
        Response r = s.owner().post(script, form);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(r.body().asString()).getElementById("script-problem").text()).contains("Make a new script for the other workflow");

        // new-script form: refused input stays on the testing page
        r = s.owner().post(s.base() + "/scripts", Map.of("workflow", other, "name", "<i>x</i>".repeat(100), "template", ""));
        assertThat(r.statusCode()).isEqualTo(400);
        Document doc = Jsoup.parse(r.body().asString());
        assertThat(doc.getElementById("script-problem").text()).contains("Name the script");
        assertThat(doc.selectFirst("#new-script input[name=name]").val()).isEqualTo("<i>x</i>".repeat(100));
        assertThat(doc.selectFirst("#new-script select[name=workflow] option[selected]").val()).isEqualTo(other);
        r = s.owner().post(s.base() + "/scripts", Map.of("workflow", other, "name", "", "template", UUID.randomUUID().toString()));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body().asString()).contains("Choose one of the workspace");

        // template names are unique per workspace; the refused name stays on screen
        assertThat(s.owner().post(script + "/template", Map.of("name", "Lab happy path")).statusCode()).isEqualTo(303);
        r = s.owner().post(script + "/template", Map.of("name", "lab HAPPY path"));
        assertThat(r.statusCode()).isEqualTo(400);
        doc = Jsoup.parse(r.body().asString());
        assertThat(doc.getElementById("template-problem").text()).contains("already");
        assertThat(doc.selectFirst("#save-template input[name=name]").val()).isEqualTo("lab HAPPY path");
        // a new script can start from the template, with its steps
        r = s.owner().post(s.base() + "/scripts", Map.of("workflow", other, "name", "", "template",
                s.page().select("#new-script select[name=template] option").last().val()));
        assertThat(r.statusCode()).isEqualTo(303);
        Document fromTemplate = s.owner().page(r.header("Location").replaceAll("^https?://[^/]+", ""));
        assertThat(fromTemplate.selectFirst("h1").text()).isEqualTo("Lab happy path");
        assertThat(fromTemplate.select("#steps textarea[name=action]").eachText()).startsWith("Place an order", "See the result");

        // an issue updated from a stale page: 409, the typed resolution kept
        String run = s.startRun(script);
        s.owner().post(run + "/issues", Map.of("title", "Late ACK", "severity", "MAJOR", "side", "INTEGRATION_PLATFORM", "step", "",
                "resolution", ""));
        Element issueRow = s.page().getElementById("issue-1");
        String action = issueRow.selectFirst("form").attr("action");
        String version = issueRow.selectFirst("input[name=version]").val();
        assertThat(s.owner().post(action, Map.of("status", "IN_PROGRESS", "resolution", "Platform team looks", "back", "testing",
                "version", version)).statusCode()).isEqualTo(303);
        r = s.owner().post(action, Map.of("status", "RESOLVED", "resolution", "My long explanation", "back", "testing", "version", version));
        assertThat(r.statusCode()).isEqualTo(409);
        doc = Jsoup.parse(r.body().asString());
        assertThat(doc.getElementById("issue-1-problem").text()).contains("Someone else changed issue #1 meanwhile (it is now in progress)");
        assertThat(doc.selectFirst("#issue-1 textarea[name=resolution]").text()).isEqualTo("My long explanation");
        r = s.owner().post(action, Map.of("status", "RESOLVED", "resolution", "r".repeat(1_000_000), "back", "testing", "version", "1"));
        assertThat(r.statusCode()).isEqualTo(400);
        // deleting the script keeps the issue, which can still be resolved from the testing page
        assertThat(s.owner().post(script + "/delete", Map.of()).statusCode()).isEqualTo(303);
        issueRow = s.page().getElementById("issue-1");
        assertThat(s.owner().post(issueRow.selectFirst("form").attr("action"), Map.of("status", "RESOLVED", "resolution",
                "Platform fixed the ACK timeout", "back", "testing", "version", issueRow.selectFirst("input[name=version]").val()))
                .statusCode()).isEqualTo(303);
        assertThat(s.page().select("#issue-1 .issue-status").text()).isEqualTo("Resolved");

        // a script whose workflow left the scope keeps its runs and can still be edited
        String kept = s.script("Kept", "Only step");
        s.passingRun(kept);
        Document keptPage = s.owner().page(kept);
        String workflowOfKept = keptPage.selectFirst("#script-form select[name=workflow] option[selected]").val();
        org.jsoup.nodes.Element removeWorkflow = s.owner().page("/sites/" + s.site() + "/projects/" + s.project())
                .select("form[action$=/remove]").stream().filter(f -> f.attr("action").contains("/workflows/" + workflowOfKept))
                .findFirst().orElseThrow();
        assertThat(s.owner().post(removeWorkflow.attr("action"), Map.of("version", removeWorkflow.selectFirst("input[name=version]").val()))
                .statusCode()).isEqualTo(303);
        keptPage = s.owner().page(kept);
        assertThat(keptPage.selectFirst("#script-form select[name=workflow] option[selected]").val()).isEmpty();
        Map<String, Object> rename = new LinkedHashMap<>();
        rename.put("name", "Kept, renamed");
        rename.put("workflow", "");
        rename.put("description", "");
        rename.put("action", List.of("Only step"));
        rename.put("expected", List.of(""));
        rename.put("version", keptPage.selectFirst("#script-form input[name=version]").val());
        assertThat(s.owner().post(kept, rename).statusCode()).isEqualTo(303);
        assertThat(s.page().select("#integrated").text()).contains("Kept, renamed");
    }

    @Test
    void signOffsCannotBeChangedOrDeletedButGoWithTheirProject() {
        TestingTest.Setup s = TestingTest.setup("Immutable");
        String version = s.page().getElementById("scope-version").text();
        s.owner().post(s.base() + "/sign-offs", Map.of("name", "Maya", "role", "IM", "confirm", "yes", "scopeVersion", version));
        UUID workspace = Db.workspaceOf(s.owner().email);
        assertThatThrownBy(() -> Db.asWorkspace(workspace, c -> Db.update(c, "UPDATE sign_off SET name = 'Someone else'")))
                .hasMessageContaining("sign-offs cannot change");
        assertThatThrownBy(() -> Db.asWorkspace(workspace, c -> Db.update(c, "UPDATE sign_off SET link_id = NULL, version = 99")))
                .hasMessageContaining("sign-offs cannot change");
        assertThatThrownBy(() -> Db.asWorkspace(workspace, c -> Db.update(c, "DELETE FROM sign_off")))
                .hasMessageContaining("sign-offs cannot change");
        // the partner's sign-off keeps its link: clearing it by hand is refused, revoking the link keeps it too
        String link = TestingTest.SignOffLinks.create(s, "Pat");
        WebSession partner = WebSession.fromOwnAddress();
        TestingTest.SignOffLinks.sign(partner, TestingTest.SignOffLinks.open(partner, link), "Pat Lee", "Analyst");
        assertThatThrownBy(() -> Db.asWorkspace(workspace, c -> Db.update(c, "UPDATE sign_off SET link_id = NULL WHERE side = 'PARTNER'")))
                .hasMessageContaining("sign-offs cannot change");
        assertThat(s.owner().post("/sites/" + s.site() + "/projects/" + s.project() + "/delete", Map.of()).statusCode()).isEqualTo(303);
        assertThat(Db.<Long>asWorkspace(workspace, c -> Db.count(c, "SELECT count(*) FROM sign_off"))).isZero();
    }

    @Test
    void membersCannotSignForTheHealthSystemAndLinksDoNotCrossPurposes() {
        TestingTest.Setup s = TestingTest.setup("Crossing");
        String signLink = TestingTest.SignOffLinks.create(s, "Pat");
        // the vendor's own member opening the sign-off link cannot sign as the health system
        Response opened = s.owner().get(signLink);
        assertThat(opened.statusCode()).isEqualTo(303);
        String portal = opened.header("Location").replaceAll("^https?://[^/]+", "");
        Document page = s.owner().page(portal);
        assertThat(page.getElementById("member-signed-in")).isNotNull();
        Response r = s.owner().post(portal, Map.of("name", "Maya", "role", "Analyst", "confirm", "yes",
                "scopeVersion", page.getElementById("scope-version").text()));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(s.page().getElementById("partner-sign-off").text()).isEqualTo("Not signed");

        // a questionnaire link's cookie does not open the sign-off page, nor the other way round
        String questionnaireBase = "/sites/" + s.site() + "/projects/" + s.project() + "/questionnaire";
        Response created = s.owner().post(questionnaireBase + "/links", Map.of("label", "Pat", "days", "14"));
        String url = Jsoup.parse(created.body().asString()).getElementById("new-link").text();
        WebSession questionnairePartner = WebSession.fromOwnAddress();
        Response q = questionnairePartner.get(url.substring(url.indexOf("/p/")));
        String questionnairePath = q.header("Location").replaceAll("^https?://[^/]+", "");
        assertThat(questionnairePath).startsWith("/partner/").doesNotContain("sign-off");
        String questionnaireCookie = questionnairePartner.cookie(PartnerCookie.NAME);
        assertThat(WebSession.fromOwnAddress().withCookie(PartnerCookie.NAME, questionnaireCookie)
                .get("/partner/sign-off/" + s.project()).statusCode()).isEqualTo(404);
        WebSession signPartner = WebSession.fromOwnAddress();
        TestingTest.SignOffLinks.open(signPartner, signLink);
        assertThat(WebSession.fromOwnAddress().withCookie(PartnerCookie.NAME, signPartner.cookie(PartnerCookie.NAME))
                .get(questionnairePath).statusCode()).isEqualTo(404);
        // the partner sees the open issues they may own
        String script = s.script("Flow", "Step one");
        String run = s.startRun(script);
        s.owner().post(run + "/issues", Map.of("title", "Interface engine drops OBX-5 > 64 KB", "severity", "BLOCKING",
                "side", "HEALTH_SYSTEM", "step", "", "resolution", ""));
        Document partnerPage = signPartner.page(portal);
        assertThat(partnerPage.select("#open-issue-list li").text()).contains("#1 Interface engine drops OBX-5 > 64 KB")
                .contains("Blocking").contains("Health system");
        assertThat(partnerPage.getElementById("blocking-notice").text()).startsWith("1 blocking issue is still open");
    }

    /** The site's yesterday is overdue and its today is not, also where UTC has already moved on (03:30Z, 22:30 in Chicago). */
    @ParameterizedTest
    @ValueSource(strings = { "2026-03-10T03:30:00Z", "2026-03-10T23:30:00Z" })
    void overdueGoLivesStayOnTheHome(Instant at) {
        clock.pin(at);
        TestingTest.Setup s = TestingTest.setup("Overdue");
        TestingTest.Setup today = TestingTest.setup("Today");
        LocalDate yesterday = clock.today(WebSession.SITE_ZONE).minusDays(1);
        assertThat(s.phase("go-live", "NOT_STARTED", Map.of("plannedStart", yesterday.toString())).statusCode()).isEqualTo(303);
        Document home = s.owner().page("/");
        assertThat(home.select("#go-lives li").text()).contains(yesterday.toString()).contains("overdue").contains("Overdue Hospital");
        assertThat(today.phase("go-live", "NOT_STARTED", Map.of("plannedStart", yesterday.plusDays(1).toString())).statusCode())
                .isEqualTo(303);
        assertThat(today.owner().page("/").select("#go-lives li").text()).contains(yesterday.plusDays(1).toString())
                .doesNotContain("overdue");
    }
}
