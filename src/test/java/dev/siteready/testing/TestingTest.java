package dev.siteready.testing;

import dev.siteready.support.Db;
import dev.siteready.support.SqlStatements;
import dev.siteready.support.WebSession;
import dev.siteready.time.AppClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Test phases to go-live: gates enforced by the server, the checklist following the scope, scripts, runs, issues, sign-off. */
@QuarkusTest
class TestingTest {

    /** A signed-up owner with a site onboarded from "Lab results": 4 checklist items, 1 workflow. */
    record Setup(WebSession owner, UUID site, UUID project, String base) {
        Document page() {
            return owner.page(base);
        }

        Response phase(String slug, String status, Map<String, String> more) {
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("status", status);
            form.put("version", page().selectFirst("#phase-" + slug + " input[name=version]").val());
            form.putAll(more);
            return owner.post(base + "/phases/" + slug, form);
        }

        String workflowId() {
            return page().selectFirst("#new-script select[name=workflow] option").val();
        }

        void passChecklist() {
            for (Element row : page().select("tr.checklist-item")) {
                String id = row.id().substring("item-".length());
                Response r = owner.post(base + "/checklist/" + id, Map.of("result", "PASSED", "controlId", "MSG" + id.substring(0, 6),
                        "logId", "", "note", "", "version", row.selectFirst("input[name=version]").val()));
                assertThat(r.statusCode()).as(r.body().asString()).isEqualTo(303);
            }
        }

        /** A script for the workflow with the given steps; returns its path. */
        String script(String name, String... steps) {
            Response created = owner.post(base + "/scripts", Map.of("workflow", workflowId(), "name", name, "template", ""));
            assertThat(created.statusCode()).as(created.body().asString()).isEqualTo(303);
            String path = created.header("Location").replaceAll("^https?://[^/]+", "");
            Document doc = owner.page(path);
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("name", name);
            form.put("workflow", workflowId());
            form.put("description", "");
            form.put("action", List.of(steps));
            form.put("expected", List.of(steps).stream().map(s -> "ok: " + s).toList());
            form.put("version", doc.selectFirst("#script-form input[name=version]").val());
            Response saved = owner.post(path, form);
            assertThat(saved.statusCode()).as(saved.body().asString()).isEqualTo(303);
            return path;
        }

        /** Starts a run of the script and returns the run page's path. */
        String startRun(String scriptPath) {
            Response started = owner.post(scriptPath + "/runs", Map.of());
            assertThat(started.statusCode()).isEqualTo(303);
            return started.header("Location").replaceAll("^https?://[^/]+", "");
        }

        Response step(String runPath, int number, String result, String note) {
            Element li = owner.page(runPath).getElementById("step-" + number);
            String action = li.selectFirst("form").attr("action");
            return owner.post(action, Map.of("result", result, "note", note, "version", li.selectFirst("input[name=version]").val()));
        }

        String passingRun(String scriptPath) {
            String run = startRun(scriptPath);
            int steps = owner.page(run).select("li.run-step").size();
            for (int i = 1; i <= steps; i++) {
                assertThat(step(run, i, "PASSED", "").statusCode()).isEqualTo(303);
            }
            assertThat(owner.post(run + "/finish", Map.of("outcome", "PASSED")).statusCode()).isEqualTo(303);
            return run;
        }
    }

    static Setup setup(String name) {
        WebSession owner = WebSession.signUp(name + " Vendor");
        UUID site = owner.createSite(name + " Hospital " + UUID.randomUUID().toString().substring(0, 6), "Lab results");
        UUID project = owner.firstProject(site);
        return new Setup(owner, site, project, "/sites/" + site + "/projects/" + project + "/testing");
    }

    static String flash(Response redirect) {
        return java.net.URLDecoder.decode(redirect.getCookie("siteready-flash"), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void everyProjectHasItsPhasesAndAChecklistFromTheScope() {
        Setup s = setup("Phases");
        Document doc = s.page();
        assertThat(doc.select("article.phase h3").eachText()).containsExactly("Functional testing", "Integrated testing",
                "User acceptance testing (optional)", "Production testing (optional)", "Go-live");
        assertThat(doc.select("article.phase .phase-status").eachText()).containsOnly("Not started");
        assertThat(doc.select("tr.checklist-item")).hasSize(4);
        assertThat(doc.select("tr.checklist-item td:eq(0)").eachText()).containsExactly("Order", "Order", "Order", "Results");
        assertThat(doc.select("tr.checklist-item td:eq(1)").eachText()).containsExactly("Cancel", "New", "Update", "New");
        assertThat(doc.getElementById("checklist-summary").text()).isEqualTo("0 of 4 passed");
        assertThat(doc.getElementById("phase-integrated-gate").text()).contains("after functional testing passed");
        // the site page shows the current phase and links here
        Document site = s.owner.page("/sites/" + s.site);
        assertThat(site.selectFirst(".project-phase a").text()).isEqualTo("Functional testing · not started");
        assertThat(site.selectFirst(".project-phase a").attr("href")).isEqualTo(s.base);
    }

    @Test
    void gatesAreEnforcedByTheServerForCraftedRequests() {
        Setup s = setup("Gates");
        // Functional cannot pass while checklist items have not passed
        Response r = s.phase("functional", "PASSED", Map.of());
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(r.body().asString()).getElementById("phase-functional-problem").text())
                .isEqualTo("Not saved: Functional testing can pass only when every checklist item has passed (0 of 4 have).");
        // Integrated cannot start before Functional passed, and the refused input stays on screen
        r = s.phase("integrated", "IN_PROGRESS", Map.of("owner", "Dev <b>Patel</b>"));
        assertThat(r.statusCode()).isEqualTo(409);
        Document refused = Jsoup.parse(r.body().asString());
        assertThat(refused.getElementById("phase-integrated-problem").text()).contains("starts after functional testing passed")
                .contains("override");
        assertThat(refused.selectFirst("#phase-integrated input[name=owner]").val()).isEqualTo("Dev <b>Patel</b>");
        assertThat(refused.selectFirst("#phase-integrated select[name=status] option[selected]").val()).isEqualTo("IN_PROGRESS");
        // only optional phases can be skipped
        r = s.phase("functional", "SKIPPED", Map.of());
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.body().asString()).contains("only UAT and production testing are optional");
        // UAT cannot even be scheduled before every workflow has a passing run
        r = s.phase("uat", "NOT_STARTED", Map.of("plannedStart", "2027-01-10", "plannedEnd", "2027-01-20"));
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(r.body().asString()).getElementById("phase-uat-problem").text())
                .contains("UAT can be scheduled only when every workflow has a passing integrated run");
        // Production testing and Go-live wait for the phases before them
        r = s.phase("production", "IN_PROGRESS", Map.of());
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(r.body().asString()).getElementById("phase-production-problem").text()).isEqualTo("Not saved:"
                + " Production testing can start only when integrated testing has passed (it is not started), user acceptance"
                + " testing has passed or was skipped (it is not started) and its time at the site is scheduled.");
        r = s.phase("go-live", "PASSED", Map.of());
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(r.body().asString()).getElementById("phase-go-live-problem").text())
                .contains("Go-live can go ahead only when functional testing has passed (it is not started), ")
                .contains(", production testing has passed or was skipped (it is not started) and the current scope version has"
                        + " sign-off from both sides.");
        // nothing was saved
        assertThat(s.page().select("article.phase .phase-status").eachText()).containsOnly("Not started");
        // a blocked phase needs a reason in the notes
        r = s.phase("functional", "BLOCKED", Map.of("notes", " "));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body().asString()).contains("Say in the notes what blocks the phase");
        // viewers can change nothing
        WebSession viewer = s.owner.addMember("VIEWER", "Vic Viewer");
        Map<String, Object> form = new HashMap<>(Map.of("status", "IN_PROGRESS", "version", "0"));
        assertThat(viewer.post(s.base + "/phases/functional", form).statusCode()).isEqualTo(403);
        assertThat(viewer.page(s.base).select(".phase-form")).isEmpty();
        // a missing CSRF token is refused
        assertThat(s.owner.rawPost(s.base + "/phases/functional", form).statusCode()).isIn(400, 403);
    }

    @Test
    void aManagerMayStartIntegratedTestingEarlyWithARecordedReason() {
        Setup s = setup("Override");
        Response r = s.phase("integrated", "IN_PROGRESS", Map.of("overrideReason", "Lab interface ready, ADT feed next week"));
        assertThat(r.statusCode()).as(r.body().asString()).isEqualTo(303);
        Document doc = s.page();
        assertThat(doc.getElementById("phase-integrated-status").text()).isEqualTo("In progress");
        assertThat(doc.getElementById("phase-integrated-override").text()).contains("Started before functional testing passed")
                .contains("Owner of Override Vendor").contains("Reason: Lab interface ready, ADT feed next week");
        assertThat(doc.select("#activity li").eachText()).anyMatch(t -> t.contains("override") && t.contains("ADT feed next week"));
        UUID workspace = Db.workspaceOf(s.owner.email);
        assertThat(Db.<Long>asWorkspace(workspace, c -> Db.count(c, "SELECT count(*) FROM test_phase WHERE project_id = ?"
                + " AND kind = 'INTEGRATED' AND override_reason = 'Lab interface ready, ADT feed next week' AND override_by IS NOT NULL",
                s.project))).isEqualTo(1);
        // editing the notes later needs no new override
        r = s.phase("integrated", "IN_PROGRESS", Map.of("notes", "Waiting for the ORU feed"));
        assertThat(r.statusCode()).isEqualTo(303);
    }

    @Test
    void theChecklistFollowsTheScopeAndKeepsHistory() {
        Setup s = setup("Checklist");
        Document doc = s.page();
        Element resultsNew = doc.select("tr.checklist-item").last();
        String resultsId = resultsNew.id().substring("item-".length());
        Response r = s.owner.post(s.base + "/checklist/" + resultsId, Map.of("result", "PASSED", "controlId", "MSG00042",
                "logId", "redox-123", "note", "first ORU", "version", resultsNew.selectFirst("input[name=version]").val()));
        assertThat(r.statusCode()).isEqualTo(303);

        // remove the Results row from the scope: its item goes out of scope with its result kept
        Document project = s.owner.page("/sites/" + s.site + "/projects/" + s.project);
        Element resultsRow = project.select("article.scope-row").stream().filter(a -> a.selectFirst("h3").text().equals("Results"))
                .findFirst().orElseThrow();
        String rowPath = resultsRow.selectFirst("form").attr("action");
        assertThat(s.owner.post(rowPath + "/remove", Map.of()).statusCode()).isEqualTo(303);
        doc = s.page();
        assertThat(doc.select("tr.checklist-item")).hasSize(3);
        assertThat(doc.select("#out-of-scope tbody tr").eachText()).singleElement().asString()
                .contains("Results · New · Into the product").contains("Passed").contains("MSG00042").contains("redox-123");
        assertThat(doc.select("#activity li").eachText()).anyMatch(t -> t.contains("1 item marked out of scope (results kept)"));
        // out-of-scope results cannot change
        r = s.owner.post(s.base + "/checklist/" + resultsId, Map.of("result", "FAILED", "controlId", "", "logId", "", "note", "",
                "version", "0"));
        assertThat(r.statusCode()).isEqualTo(400);

        // add an event type to the Order row: a new item appears
        project = s.owner.page("/sites/" + s.site + "/projects/" + s.project);
        Element orderRow = project.selectFirst("article.scope-row");
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("events", orderRow.select("input[name=events]").eachAttr("value")); // tick every event of Order
        form.put("direction", "OUTBOUND");
        form.put("connectionMethod", "HL7V2_MLLP");
        form.put("messagesPerDay", "400");
        form.put("peakPerHour", "60");
        form.put("version", orderRow.selectFirst("input[name=version]").val());
        int events = orderRow.select("input[name=events]").size();
        assertThat(events).isGreaterThan(3);
        assertThat(s.owner.post(orderRow.selectFirst("form").attr("action"), form).statusCode()).isEqualTo(303);
        doc = s.page();
        assertThat(doc.select("tr.checklist-item")).hasSize(events);
        assertThat(doc.select("#activity li").eachText()).anyMatch(t -> t.contains((events - 3) + " checklist item"));
    }

    @Test
    void evidenceIsAReferenceNeverAMessage() {
        Setup s = setup("Evidence");
        Element row = s.page().selectFirst("tr.checklist-item");
        String path = s.base + "/checklist/" + row.id().substring("item-".length());
        String version = row.selectFirst("input[name=version]").val();
        Response r = s.owner.post(path, Map.of("result", "PASSED", "controlId", "", "logId", "", "note", "", "version", version));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body().asString()).contains("Give the message control ID or the platform");
        r = s.owner.post(path, Map.of("result", "PASSED", "controlId", "X1", "logId", "",
                "note", "MSH|^~\\&|LAB|MAIN|||20261126||ORU^R01|X1|P|2.5.1\rPID|1||12345^^^MAIN^MR||DOE^JANE", "version", version));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(r.body().asString()).select("tr.checklist-item .field-error").text()).contains("never keeps message content");
        r = s.owner.post(path, Map.of("result", "PASSED", "controlId", "X".repeat(1_000_000), "logId", "", "note", "", "version", version));
        assertThat(r.statusCode()).isEqualTo(400);
        // htmx gets only the row, with the input kept
        r = s.owner.htmxPost(path, Map.of("result", "FAILED", "controlId", "<script>alert(1)</script>", "logId", "", "note",
                "ACK AE <img src=x onerror=alert(1)>", "version", version));
        assertThat(r.statusCode()).isEqualTo(200);
        String body = r.body().asString();
        assertThat(body).doesNotContain("<html").doesNotContain("<script>alert").doesNotContain("<img src=x");
        Document fragment = Jsoup.parseBodyFragment("<table>" + body + "</table>");
        assertThat(fragment.selectFirst("tr.checklist-item select[name=result]").hasClass("result-failed")).isTrue();
        assertThat(fragment.selectFirst("tr.checklist-item label").text()).contains("(saved: Failed)");
        assertThat(fragment.selectFirst("input[name=controlId]").val()).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void theWholeWayToGoLive() throws java.io.IOException {
        Setup s = setup("Golive");
        s.passChecklist();
        assertThat(s.phase("functional", "PASSED", Map.of()).statusCode()).isEqualTo(303);
        assertThat(s.phase("integrated", "IN_PROGRESS", Map.of()).statusCode()).isEqualTo(303);
        // Integrated cannot pass while the workflow has no passing run
        Response r = s.phase("integrated", "PASSED", Map.of());
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(r.body().asString()).getElementById("phase-integrated-problem").text())
                .startsWith("Not saved: Integrated testing can pass only when every workflow has a passing run (none of 1 has one"
                        + " yet). Without one yet: Order placed in product");

        String script = s.script("Order → result", "Place an order for a CBC", "File the result at the lab", "See the result on the order");
        String run = s.startRun(script);
        assertThat(s.step(run, 1, "PASSED", "").statusCode()).isEqualTo(303);
        assertThat(s.step(run, 2, "FAILED", "ORU rejected: OBX-3 without LOINC").statusCode()).isEqualTo(303);
        Document runPage = s.owner.page(run);
        String step2 = runPage.select("select[name=step] option").get(2).val();
        r = s.owner.post(run + "/issues", Map.of("title", "OBX-3 arrives with local codes", "severity", "BLOCKING",
                "side", "HEALTH_SYSTEM", "step", step2, "resolution", "Site adds LOINC mapping"));
        assertThat(r.statusCode()).isEqualTo(303);
        // the run cannot pass with a blocking issue open
        r = s.owner.post(run + "/finish", Map.of("outcome", "PASSED"));
        assertThat(flash(r)).contains("cannot pass while a blocking issue is open");
        runPage = s.owner.page(run);
        assertThat(runPage.getElementById("run-status").text()).isEqualTo("In progress");
        assertThat(runPage.select("#issue-1 h3").text()).contains("#1 OBX-3 arrives with local codes").contains("Open");
        assertThat(runPage.select("#issue-1 p").first().text()).contains("Blocking").contains("Health system").contains("step 2");
        // closing an issue needs its resolution
        String issueAction = runPage.selectFirst("#issue-1 form").attr("action");
        String issueVersion = runPage.selectFirst("#issue-1 input[name=version]").val();
        r = s.owner.post(issueAction, Map.of("status", "RESOLVED", "resolution", "", "back", "run", "version", issueVersion));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(r.body().asString()).getElementById("issue-1-problem").text()).contains("Say how issue #1 was resolved");
        r = s.owner.post(issueAction, Map.of("status", "RESOLVED", "resolution", "Site mapped local codes to LOINC", "back", "run",
                "version", issueVersion));
        assertThat(r.statusCode()).isEqualTo(303);
        // a second change from the same (now stale) form is refused, not silently applied
        r = s.owner.post(issueAction, Map.of("status", "OPEN", "resolution", "x", "back", "run", "version", issueVersion));
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.body().asString()).contains("Someone else changed issue #1 meanwhile");
        assertThat(s.owner.page(run).select("#issue-1 .issue-status").text()).isEqualTo("Resolved");
        // still not every step passed
        r = s.owner.post(run + "/finish", Map.of("outcome", "PASSED"));
        assertThat(flash(r)).contains("passes when every step passed; not yet: steps 2, 3");
        assertThat(s.step(run, 2, "PASSED", "re-tested after the mapping").statusCode()).isEqualTo(303);
        assertThat(s.step(run, 3, "PASSED", "").statusCode()).isEqualTo(303);
        Element step1 = s.owner.page(run).getElementById("step-1");
        assertThat(s.owner.post(run + "/finish", Map.of("outcome", "PASSED")).statusCode()).isEqualTo(303);
        assertThat(s.owner.page(run).getElementById("run-status").text()).isEqualTo("Passed");
        // a finished run's steps cannot change
        r = s.owner.post(step1.selectFirst("form").attr("action"), Map.of("result", "FAILED", "note", "",
                "version", step1.selectFirst("input[name=version]").val()));
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.body().asString()).contains("Run 1 is finished; start a new run to test again.");
        assertThat(s.owner.post(run + "/finish", Map.of("outcome", "FAILED")).statusCode()).isEqualTo(303);
        assertThat(s.owner.page(run).getElementById("run-status").text()).isEqualTo("Passed");

        assertThat(s.phase("integrated", "PASSED", Map.of()).statusCode()).isEqualTo(303);
        assertThat(s.phase("uat", "NOT_STARTED", Map.of("plannedStart", "2027-01-10", "plannedEnd", "2027-01-20")).statusCode()).isEqualTo(303);
        assertThat(s.phase("uat", "SKIPPED", Map.of()).statusCode()).isEqualTo(303);

        // production testing inside business hours is allowed with a warning; off-hours without
        LocalDate monday = AppClock.today(WebSession.SITE_ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        r = s.phase("production", "IN_PROGRESS", Map.of("scheduledAt", monday + "T10:00"));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(flash(r)).contains("inside the site's business hours").contains("America/Chicago");
        Document doc = s.page();
        assertThat(doc.getElementById("schedule-warning")).isNotNull();
        assertThat(doc.selectFirst("#phase-production .phase-scheduled").text()).contains("10:00 America/Chicago").contains("(16:00 UTC)");
        LocalDate saturday = monday.with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        r = s.phase("production", "PASSED", Map.of("scheduledAt", saturday + "T06:00"));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(flash(r)).doesNotContain("Warning");
        assertThat(s.page().getElementById("schedule-warning")).isNull();

        // go-live needs sign-off from both sides for the current scope version
        r = s.phase("go-live", "PASSED", Map.of());
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.body().asString()).contains("from both sides");
        String version = s.page().getElementById("scope-version").text();
        r = s.owner.post(s.base + "/sign-offs", Map.of("name", "Maya Brooks", "role", "Implementation manager", "confirm", "yes",
                "scopeVersion", version));
        assertThat(r.statusCode()).isEqualTo(303);
        r = s.phase("go-live", "PASSED", Map.of());
        assertThat(r.body().asString()).contains("from the health system");
        String link = SignOffLinks.create(s, "Pat Lee");
        WebSession partner = WebSession.fromOwnAddress();
        String portal = SignOffLinks.open(partner, link);
        assertThat(SignOffLinks.sign(partner, portal, "Pat Lee", "Interface analyst").statusCode()).isEqualTo(303);
        doc = s.page();
        assertThat(doc.getElementById("partner-sign-off").text()).contains("Pat Lee (Interface analyst)");
        assertThat(doc.getElementById("vendor-sign-off").text()).contains("Maya Brooks (Implementation manager)");
        r = s.phase("go-live", "PASSED", Map.of("plannedStart", AppClock.today(WebSession.SITE_ZONE).toString()));
        assertThat(r.statusCode()).as(r.body().asString()).isEqualTo(303);
        assertThat(flash(r)).contains("is live");
        assertThat(s.owner.page("/sites/" + s.site).selectFirst(".facts .status").text()).isEqualTo("Live");
        assertThat(s.owner.page("/sites/" + s.site).selectFirst(".project-phase a").text()).isEqualTo("Live");
        // the timeline shows planned and actual bars
        doc = s.page();
        assertThat(doc.select("#timeline-chart rect.timeline-actual")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(doc.select("#timeline-chart rect.timeline-planned")).isNotEmpty();

        // exports
        Response csv = s.owner.get(s.base + "/export.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.header("Content-Disposition")).contains("attachment").contains(".csv");
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().get().parse(new StringReader(csv.body().asString())).getRecords();
        assertThat(records).anyMatch(x -> x.get("Section").equals("Phase") && x.get("Item").equals("Go-live") && x.get("Status").equals("Passed"));
        assertThat(records.stream().filter(x -> x.get("Section").equals("Functional checklist")).toList()).hasSize(4)
                .allMatch(x -> x.get("Status").equals("Passed") && x.get("Evidence or resolution").startsWith("Control ID MSG"));
        assertThat(records).anyMatch(x -> x.get("Section").equals("Issue") && x.get("Status").equals("Resolved")
                && x.get("Evidence or resolution").equals("Site mapped local codes to LOINC"));
        assertThat(records.stream().filter(x -> x.get("Section").equals("Sign-off")).toList()).hasSize(2);
        Document print = s.owner.page(s.base + "/print");
        assertThat(print.select("#print-phases tbody tr")).hasSize(5);
        assertThat(print.select("#print-checklist tbody tr")).hasSize(4);
        assertThat(print.select("#print-issues tbody tr").text()).contains("OBX-3 arrives with local codes");

        // the API
        String token = s.owner.createApiToken("CI");
        var json = given().header("Authorization", "Bearer " + token).get("/api/projects/" + s.project + "/phases")
                .then().statusCode(200).extract().jsonPath();
        assertThat(json.getList("phases.kind")).containsExactly("FUNCTIONAL", "INTEGRATED", "UAT", "PRODUCTION", "GO_LIVE");
        assertThat(json.getList("phases.status")).containsExactly("PASSED", "PASSED", "SKIPPED", "PASSED", "PASSED");
        assertThat(json.getString("phases[1].gate.open")).isEqualTo("true");
        assertThat(json.getList("checklist")).hasSize(4);
        assertThat(json.getList("checklist.result")).containsOnly("PASSED");
        assertThat(json.getString("scopeVersion")).isEqualTo(version);
        assertThat(json.getList("signOffs.side")).containsExactlyInAnyOrder("VENDOR", "PARTNER");
        given().get("/api/projects/" + s.project + "/phases").then().statusCode(401);
    }

    @Test
    void theHomeListsUpcomingGoLivesAndBlockedPhases() {
        Setup s = setup("Home");
        LocalDate goLive = AppClock.today(WebSession.SITE_ZONE).plusDays(20);
        assertThat(s.phase("go-live", "NOT_STARTED", Map.of("plannedStart", goLive.toString())).statusCode()).isEqualTo(303);
        assertThat(s.phase("functional", "BLOCKED", Map.of("notes", "VPN tunnel <b>down</b>")).statusCode()).isEqualTo(303);
        Document home = s.owner.page("/");
        assertThat(home.select("#go-lives li").eachText()).singleElement().asString().startsWith(goLive.toString())
                .contains("Home Hospital").contains("Now: Functional testing · blocked");
        // the portfolio's go-live is the one planned in testing (the questionnaire has no answer here either way)
        assertThat(home.select("#portfolio-results tbody td.nowrap").text()).isEqualTo(goLive.toString());
        assertThat(home.selectFirst("#go-lives li a").attr("href")).isEqualTo(s.base + "#phase-go-live");
        assertThat(home.select("#blocked-phases li").text()).contains("Functional testing · blocked").contains("VPN tunnel <b>down</b>");
        assertThat(home.select("#blocked-phases li b")).isEmpty();
        assertThat(home.select("#portfolio-results tbody .phase-status").eachText()).containsExactly("Functional testing · blocked");
        // the blocked phase shows its reason and the timeline shows the actual start
        Document doc = s.page();
        assertThat(doc.getElementById("phase-functional-status").text()).isEqualTo("Blocked");
        assertThat(doc.select("#phase-functional .notes").text()).isEqualTo("VPN tunnel <b>down</b>");
        assertThat(doc.select("#timeline-chart rect.timeline-actual.phase-blocked")).hasSize(1);
        assertThat(doc.select("#timeline-chart rect.timeline-planned")).hasSize(1);
        // dates that are not dates, and an end before the start, are refused with the input kept
        Response r = s.phase("uat", "NOT_STARTED", Map.of("plannedStart", "next week"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(r.body().asString()).selectFirst("#phase-uat input[name=plannedStart]").val()).isEqualTo("next week");
        r = s.phase("functional", "BLOCKED", Map.of("notes", "x", "plannedStart", "2027-02-01", "plannedEnd", "2027-01-01"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body().asString()).contains("The planned end cannot be before the planned start.");
        r = s.phase("functional", "BLOCKED", Map.of("notes", "n".repeat(1_000_000)));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body().asString()).contains("Notes are plain text of up to 4,000 characters.");
    }

    @Test
    void aScopeChangeInvalidatesEarlierSignOffs() {
        Setup s = setup("Rescope");
        String version = s.page().getElementById("scope-version").text();
        assertThat(s.owner.post(s.base + "/sign-offs", Map.of("name", "Maya Brooks", "role", "Implementation manager",
                "confirm", "yes", "scopeVersion", version)).statusCode()).isEqualTo(303);
        assertThat(s.page().getElementById("vendor-sign-off").text()).startsWith("Signed by Maya Brooks");
        // a sign-off for a version the signer did not see is refused
        Response r = s.owner.post(s.base + "/sign-offs", Map.of("name", "Maya Brooks", "role", "IM", "confirm", "yes",
                "scopeVersion", "00000000"));
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.body().asString()).contains("The scope changed while you were reading it");
        r = s.owner.post(s.base + "/sign-offs", Map.of("name", "Maya Brooks", "role", "IM", "scopeVersion", version));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(r.body().asString()).getElementById("sign-problem").text()).contains("Tick the box");
        // adding a workflow changes the scope version; the old sign-off no longer counts
        assertThat(s.owner.post("/sites/" + s.site + "/projects/" + s.project + "/workflows",
                Map.of("name", "Result corrected at the lab", "description", "")).statusCode()).isEqualTo(303);
        Document doc = s.page();
        assertThat(doc.getElementById("scope-version").text()).isNotEqualTo(version).hasSize(12);
        assertThat(doc.getElementById("vendor-sign-off").text()).isEqualTo("Not signed");
        assertThat(doc.select("#sign-offs li").text()).contains("earlier scope: no longer counts");
    }

    @Test
    void sqlStatementsPerTestingPageStayFixedAsTheProjectGrows() {
        Setup small = setup("SmallPlan");
        Setup large = setup("LargePlan");
        grow(large);
        small.page();
        large.page();
        long smallCount = SqlStatements.countDuring(() -> small.page());
        long largeCount = SqlStatements.countDuring(() -> large.page());
        assertThat(largeCount).isEqualTo(smallCount);
        assertThat(smallCount).isLessThanOrEqualTo(22);
        assertThat(large.page().text()).contains(", step 1").contains(", step 2");
        String run = large.page().select("#integrated a[href*=/runs/]").attr("href");
        String otherRun = small.startRun(small.script("One", "a"));
        small.owner.page(otherRun);
        large.owner.page(run);
        long runSmall = SqlStatements.countDuring(() -> small.owner.page(otherRun));
        long runLarge = SqlStatements.countDuring(() -> large.owner.page(run));
        System.out.printf("SQL statements per testing page: %d small, %d large; per run page: %d small, %d large%n",
                smallCount, largeCount, runSmall, runLarge);
        assertThat(runLarge).isEqualTo(runSmall);
    }

    /** Grows a project: more workflows, scripts with many steps, runs and issues, checklist results. */
    private static void grow(Setup large) {
        for (int i = 0; i < 3; i++) {
            large.owner.post("/sites/" + large.site + "/projects/" + large.project + "/workflows", Map.of("name", "Flow " + i, "description", ""));
        }
        large.passChecklist();
        String script = large.script("Long", "a", "b", "c", "d", "e", "f", "g", "h");
        String run = large.startRun(script);
        // two of the issues name a step of the run (each read with the page, not one query per issue)
        List<String> steps = large.owner.page(run).select("select[name=step] option[value~=.]").eachAttr("value");
        assertThat(steps).hasSizeGreaterThanOrEqualTo(2);
        for (int i = 0; i < 3; i++) {
            large.owner.post(run + "/issues", Map.of("title", "Issue " + i, "severity", "MINOR", "side", "VENDOR",
                    "step", i < 2 ? steps.get(i) : "", "resolution", ""));
        }
        large.passingRun(large.script("Short", "x", "y"));
        large.startRun(script);
    }

    /** Sign-off links, as a partner uses them. */
    @Test
    void aRefusedPhaseChangeSaysPlainlyWhyAtThePhaseAndThePhaseAddressLeadsThere() {
        Setup s = setup("Refusal");
        s.passChecklist();
        assertThat(s.phase("functional", "PASSED", Map.of()).statusCode()).isEqualTo(303);
        assertThat(s.phase("integrated", "IN_PROGRESS", Map.of()).statusCode()).isEqualTo(303);
        for (String name : List.of("Cancel an order", "Add-on test")) {
            assertThat(s.owner.post("/sites/" + s.site + "/projects/" + s.project + "/workflows",
                    Map.of("name", name, "description", "")).statusCode()).isEqualTo(303);
        }
        s.passingRun(s.script("Happy path", "Place the order", "See the result"));

        // the form posts to the phase's address with the anchor of its problem, so a refusal opens there
        assertThat(s.page().selectFirst("#phase-integrated form.phase-form").attr("action"))
                .isEqualTo(s.base + "/phases/integrated#phase-integrated-problem");
        Response r = s.phase("integrated", "PASSED", Map.of("notes", "<script>alert(1)</script>"));
        assertThat(r.statusCode()).isEqualTo(409);
        Document refused = Jsoup.parse(r.body().asString());
        Element problem = refused.getElementById("phase-integrated-problem");
        assertThat(problem.text()).startsWith("Not saved: Integrated testing can pass only when every workflow has a passing run"
                + " (1 of 3 has one). Without one yet: ").contains("Cancel an order").contains("Add-on test");
        assertThat(problem.hasAttr("data-focus-on-load")).isTrue();
        assertThat(problem.parent().id()).isEqualTo("phase-integrated");
        assertThat(refused.selectFirst("#phase-integrated textarea[name=notes]").text()).isEqualTo("<script>alert(1)</script>");
        assertThat(r.body().asString()).doesNotContain("<script>alert(1)");

        // the address left in the browser's address bar leads to the testing page at that phase, never to a 404
        Response opened = s.owner.get(s.base + "/phases/integrated");
        assertThat(opened.statusCode()).isEqualTo(303);
        assertThat(opened.header("Location")).endsWith(s.base + "#phase-integrated");
        assertThat(s.owner.get(s.base + "/phases/go-live").header("Location")).endsWith(s.base + "#phase-go-live");
        assertThat(s.owner.get(s.base + "/phases/nonsense").statusCode()).isEqualTo(404);
        // another workspace's project is not found
        assertThat(setup("RefusalOther").owner.get(s.base + "/phases/integrated").statusCode()).isEqualTo(404);
    }

    static final class SignOffLinks {
        static String create(Setup s, String label) {
            Response r = s.owner.post(s.base + "/sign-off-links", Map.of("label", label, "days", "14"));
            assertThat(r.statusCode()).as(r.body().asString()).isEqualTo(200);
            String url = Jsoup.parse(r.body().asString()).getElementById("new-link").text();
            return url.substring(url.indexOf("/p/"));
        }

        static String open(WebSession partner, String link) {
            Response r = partner.get(link);
            assertThat(r.statusCode()).isEqualTo(303);
            String location = r.header("Location");
            return location.substring(location.indexOf("/partner/"));
        }

        static Response sign(WebSession partner, String portal, String name, String role) {
            Document page = partner.page(portal);
            return partner.post(portal, Map.of("name", name, "role", role, "confirm", "yes",
                    "scopeVersion", page.getElementById("scope-version").text()));
        }
    }
}
