package dev.siteready.feasibility;

import dev.siteready.scoping.AnswerKey;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import dev.siteready.scoping.StandardQuestionnaire;
import dev.siteready.support.Db;
import dev.siteready.support.SqlStatements;
import dev.siteready.tenant.TenantContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The summary page, snapshots and their diff, the documents, the API and the portfolio, against PostgreSQL. */
@QuarkusTest
class FeasibilityTest {

    record Fixture(WebSession owner, UUID site, UUID project, String name) {
        String summary() {
            return "/sites/" + site + "/feasibility";
        }

        String questionnaire() {
            return "/sites/" + site + "/projects/" + project + "/questionnaire";
        }

        /** Saves one answer through the questionnaire form, as a manager would. */
        void answer(String question, String subject, Object value) {
            Element card = owner.page(questionnaire()).getElementById(AnswerKey.of(question, subject).domId());
            assertThat(card).as(question + " " + subject).isNotNull();
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("question", question);
            form.put("subject", subject);
            form.put("version", card.selectFirst("input[name=version]").attr("value"));
            if (value instanceof Map<?, ?> cells) {
                cells.forEach((k, v) -> form.put((String) k, v));
            } else {
                form.put("value", value);
            }
            Response saved = owner.post(questionnaire() + "/answers", form);
            assertThat(saved.statusCode()).as(question + " saved").isEqualTo(303);
        }

        /** Everything the lab template's rules need, with results in local codes only. */
        void answerEverythingWithLocalCodes() {
            List<String> methods = List.of("REDOX_API", "HL7V2_MLLP", "FHIR");
            answer(StandardQuestionnaire.CONNECTION_METHODS, "Order|OUTBOUND", methods);
            answer(StandardQuestionnaire.CONNECTION_METHODS, "Results|INBOUND", methods);
            for (String field : List.of("Code", "Codeset", "Value", "Units")) {
                answer(StandardQuestionnaire.FIELD_PROVIDED, "Results|Orders[].Results[]." + field, "YES");
            }
            answer(StandardQuestionnaire.PATIENT_ID_COUNT, "", "1");
            answer(StandardQuestionnaire.PATIENT_ID_TYPES, "", Map.of("cell-0-type", "MR", "cell-0-authority", "MAIN"));
            answer(StandardQuestionnaire.PROVIDER_IDS, "", Map.of("cell-0-type", "NPI", "cell-0-fields", "ORC-12"));
            answer(StandardQuestionnaire.CODE_SYSTEMS, "Results", List.of("L"));
            answer(StandardQuestionnaire.DAILY_VOLUME, "", "2500");
        }
    }

    static Fixture fixture(String name) {
        WebSession owner = WebSession.signUp(name + " Co");
        String siteName = name + " Hospital " + UUID.randomUUID().toString().substring(0, 6);
        UUID site = owner.createSite(siteName, "Lab results");
        return new Fixture(owner, site, owner.firstProject(site), siteName);
    }

    static Element finding(Document page, String rule) {
        return page.selectFirst("tr.finding-row[data-rule=" + rule + "]");
    }

    @Test
    void answeringFlipsAFindingAndTheVerdictAndTheSnapshotDiffShowsIt() {
        Fixture f = fixture("Flip");
        Document before = f.owner.page(f.summary());
        assertThat(before.selectFirst("#verdict h2").text()).isEqualTo("Verdict: Incomplete");
        assertThat(finding(before, "COD-1").attr("data-status")).isEqualTo("UNKNOWN");
        assertThat(finding(before, "COD-1").select("td.sources a").eachAttr("href"))
                .contains(f.questionnaire() + "#" + AnswerKey.of(StandardQuestionnaire.CODE_SYSTEMS, "Results").domId());
        assertThat(before.select("#follow-ups li")).isNotEmpty();
        assertThat(before.getElementById("no-snapshots")).isNotNull();

        Response published = f.owner.post(f.summary() + "/snapshots", Map.of("note", "Before the partner call"));
        assertThat(published.statusCode()).isEqualTo(303);
        assertThat(published.header("Location")).endsWith(f.summary() + "/snapshots/1");
        Document snapshot = f.owner.page(f.summary() + "/snapshots/1");
        assertThat(snapshot.selectFirst("#snapshot-banner").text()).contains("Before the partner call");
        assertThat(snapshot.selectFirst("#verdict h2").text()).contains("Incomplete");
        assertThat(f.owner.page(f.summary()).getElementById("diff-none")).isNotNull();

        f.answerEverythingWithLocalCodes();
        Document after = f.owner.page(f.summary());
        assertThat(after.selectFirst("#verdict h2").text()).isEqualTo("Verdict: Feasible with work");
        assertThat(finding(after, "COD-1").attr("data-status")).isEqualTo("WORK");
        assertThat(finding(after, "COD-1").text()).contains("Code mapping needed for Results").contains("local codes, not LOINC");
        assertThat(after.selectFirst("#headline").text()).startsWith("1 item (effort 1 M);");
        assertThat(after.select("#work li")).hasSize(1);
        assertThat(after.selectFirst("#work li").text()).contains("Required code systems").contains("effort M");
        assertThat(after.selectFirst("#diff-verdict").text()).isEqualTo("Verdict: Incomplete to Feasible with work");
        assertThat(after.select("#diff-changed li").text()).contains("Required code systems").contains("Unknown (—) to Work needed (M)");
        assertThat(after.select("#diff-resolved li").text()).contains("Connection method available");

        // the snapshot itself did not change, and the database refuses to change it
        assertThat(f.owner.page(f.summary() + "/snapshots/1").selectFirst("#verdict h2").text()).contains("Incomplete");
        UUID workspace = Db.workspaceOf(f.owner.email);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Db.asWorkspace(workspace,
                c -> Db.update(c, "UPDATE feasibility_snapshot SET note = 'edited' WHERE site_id = ?", f.site)))
                .hasMessageContaining("published feasibility snapshots cannot change");
        assertThat(f.owner.post(f.summary() + "/snapshots", Map.of()).statusCode()).isEqualTo(303);
        Document compared = f.owner.page(f.summary() + "?since=1");
        assertThat(compared.selectFirst("#diff-heading").text()).startsWith("Since snapshot 1");
        assertThat(f.owner.page(f.summary()).selectFirst("#diff-heading").text()).startsWith("Since snapshot 2");
        assertThat(f.owner.page(f.summary()).select("#snapshots tbody tr")).hasSize(2);
    }

    @Test
    void thePdfIsARealPdfWithTheSiteAndVerdictAndTheMarkdownIsEscaped() throws IOException {
        WebSession owner = WebSession.signUp("Documents Co");
        String name = "<b>Mercy</b> *General* & Sons " + UUID.randomUUID().toString().substring(0, 4);
        UUID site = owner.createSite(name, "Lab results");
        String base = "/sites/" + site + "/feasibility";

        Document page = owner.page(base);
        assertThat(page.selectFirst("h1").text()).isEqualTo("Feasibility");
        assertThat(page.select(".breadcrumb a").eachText()).contains(name);
        assertThat(page.select("b")).isEmpty();

        Response pdf = owner.get(base + ".pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.header("Content-Disposition")).startsWith("attachment; filename=\"").endsWith("-feasibility.pdf\"");
        try (PDDocument doc = Loader.loadPDF(pdf.asByteArray())) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(1);
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains(name).contains("Incomplete").contains("Required code systems");
        }

        Response md = owner.get(base + ".md");
        assertThat(md.statusCode()).isEqualTo(200);
        assertThat(md.contentType()).startsWith("text/markdown");
        String markdown = md.asString();
        assertThat(markdown).contains("**Verdict: Incomplete**").contains("## Coded values")
                .contains("\\<b\\>Mercy\\</b\\> \\*General\\* \\& Sons").doesNotContain("<b>");

        assertThat(owner.post(base + "/snapshots", Map.of()).statusCode()).isEqualTo(303);
        try (PDDocument doc = Loader.loadPDF(owner.get(base + "/snapshots/1.pdf").asByteArray())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Snapshot 1");
        }
        assertThat(owner.get(base + "/snapshots/1.md").asString()).contains("Snapshot 1");
    }

    @Test
    void thePdfAndMarkdownPutWhatNeedsWorkFirstAsThePageDoes() throws IOException {
        Fixture f = fixture("Order");
        f.answerEverythingWithLocalCodes();
        assertThat(f.owner.page(f.summary()).select("#work li")).hasSize(1);
        try (PDDocument doc = Loader.loadPDF(f.owner.get(f.summary() + ".pdf").asByteArray())) {
            PDFTextStripper firstPage = new PDFTextStripper();
            firstPage.setEndPage(1);
            List<String> lines = firstPage.getText(doc).lines().map(String::trim).toList();
            int work = lines.indexOf("What needs work");
            int item = indexOf(lines, l -> l.startsWith("Work needed") || l.startsWith("Required code systems"));
            int met = indexOf(lines, l -> l.equals("Met") || l.startsWith("Met "));
            assertThat(work).as("the work section on page 1:%n%s", lines).isGreaterThan(0);
            assertThat(item).as("the work item on page 1, after the heading").isGreaterThan(work);
            assertThat(met).as("the first met finding after the work item").isGreaterThan(item);
            assertThat(String.join(" ", lines.subList(work, met))).contains("Required code systems").contains("local codes, not LOINC");
        }
        String markdown = f.owner.get(f.summary() + ".md").asString();
        assertThat(markdown.indexOf("## What needs work")).isPositive().isLessThan(markdown.indexOf("| Met |"));
        assertThat(markdown).contains("1. Work needed: Required code systems");
    }

    private static int indexOf(List<String> lines, java.util.function.Predicate<String> test) {
        for (int i = 0; i < lines.size(); i++) {
            if (test.test(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aSnapshotNoteIsCheckedEscapedAndKeptOnScreenWhenRefused() {
        Fixture f = fixture("Notes");
        Response big = f.owner.post(f.summary() + "/snapshots", Map.of("note", "x".repeat(1_000_000)));
        assertThat(big.statusCode()).isEqualTo(400);
        Document refused = Jsoup.parse(big.asString());
        assertThat(refused.selectFirst("#note-error").text()).isEqualTo("Keep the note to 500 characters (it has 1,000,000).");
        assertThat(refused.selectFirst("#note").attr("value")).startsWith("xxxx");
        Response nul = f.owner.post(f.summary() + "/snapshots", Map.of("note", "sent\u0000"));
        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(nul.asString()).selectFirst("#note-error").text()).contains("control characters");
        assertThat(f.owner.page(f.summary()).getElementById("no-snapshots")).isNotNull();

        String hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        assertThat(f.owner.post(f.summary() + "/snapshots", Map.of("note", hostile)).statusCode()).isEqualTo(303);
        Response shown = f.owner.get(f.summary() + "/snapshots/1");
        assertThat(shown.asString()).doesNotContain("<script>alert").doesNotContain("<img src=x");
        assertThat(Jsoup.parse(shown.asString()).selectFirst("#snapshot-banner").text()).contains(hostile);
    }

    @Test
    void viewersReadTheSummaryButCannotPublish() {
        Fixture f = fixture("Viewers");
        WebSession viewer = f.owner.addMember("VIEWER", "Vic Viewer");
        assertThat(viewer.page(f.summary()).select("form.publish-form")).isEmpty();
        assertThat(viewer.post(f.summary() + "/snapshots", Map.of()).statusCode()).isEqualTo(403);
        assertThat(viewer.get(f.summary() + ".pdf").statusCode()).isEqualTo(200);
    }

    @Test
    void everySummaryAndExportRouteIsNotFoundFromAnotherWorkspace() {
        Fixture f = fixture("Owned");
        assertThat(f.owner.post(f.summary() + "/snapshots", Map.of()).statusCode()).isEqualTo(303);
        WebSession other = WebSession.signUp("Intruder Co");
        String token = other.createApiToken("intruder");
        for (String path : List.of("", ".pdf", ".md", "/snapshots/1", "/snapshots/1.pdf", "/snapshots/1.md")) {
            assertThat(other.get(f.summary() + path).statusCode()).as(path).isEqualTo(404);
            assertThat(f.owner.get(f.summary() + path).statusCode()).as("own " + path).isEqualTo(200);
        }
        assertThat(other.post(f.summary() + "/snapshots", Map.of()).statusCode()).isEqualTo(404);
        for (String path : List.of("", ".pdf", ".md")) {
            given().header("Authorization", "Bearer " + token).get("/api/sites/" + f.site + "/feasibility" + path)
                    .then().statusCode(404);
        }
        for (String path : List.of("/snapshots/2", "/snapshots/abc", "/snapshots/1.doc", "/snapshots/99999999999")) {
            assertThat(f.owner.get(f.summary() + path).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(f.owner.get("/sites/" + UUID.randomUUID() + "/feasibility").statusCode()).isEqualTo(404);
        assertThat(f.owner.page(f.summary() + "/snapshots/1").selectFirst("h1").text()).isEqualTo("Snapshot 1");
    }

    @Test
    void theApiReturnsTheSummaryAsJsonMarkdownAndPdf() throws IOException {
        Fixture f = fixture("Api");
        f.answer(StandardQuestionnaire.CODE_SYSTEMS, "Results", List.of("L"));
        String token = f.owner.createApiToken("reports");
        var json = given().header("Authorization", "Bearer " + token).get("/api/sites/" + f.site + "/feasibility")
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
        assertThat(json.getString("siteName")).isEqualTo(f.name);
        assertThat(json.getString("verdict")).isEqualTo("INCOMPLETE");
        assertThat(json.getString("headline")).startsWith("Incomplete: 1 item");
        assertThat(json.getList("findings.ruleId")).contains("CONN-1", "DATA-1", "PAT-1", "PRV-1", "COD-1", "VOL-1");
        assertThat(json.getString("findings.find { it.ruleId == 'COD-1' }.status")).isEqualTo("WORK");
        assertThat(json.getString("findings.find { it.ruleId == 'COD-1' }.effort")).isEqualTo("M");
        assertThat(json.getList("findings.find { it.ruleId == 'COD-1' }.sources.href", String.class))
                .anyMatch(h -> h.startsWith(f.questionnaire() + "#q-codes-systems"));
        assertThat(json.getInt("effort.medium")).isEqualTo(1);
        assertThat(json.getList("followUps")).isNotEmpty();
        String md = given().header("Authorization", "Bearer " + token).get("/api/sites/" + f.site + "/feasibility.md")
                .then().statusCode(200).extract().asString();
        assertThat(md).contains("# Feasibility: ");
        byte[] pdf = given().header("Authorization", "Bearer " + token).get("/api/sites/" + f.site + "/feasibility.pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Incomplete");
        }
        given().get("/api/sites/" + f.site + "/feasibility").then().statusCode(401);
    }

    @Test
    void thePortfolioShowsVerdictsFiltersAndFollowsAnswers() {
        Fixture f = fixture("Portfolio");
        UUID second = f.owner.createSite("Second " + f.name, "Lab results");
        Document home = f.owner.page("/");
        assertThat(home.select("tr.portfolio-row")).hasSize(2);
        assertThat(home.selectFirst("tr.portfolio-row[data-site=" + f.site + "] .verdict-pill").text()).isEqualTo("Incomplete");
        assertThat(home.selectFirst(".chart-bar[data-verdict=INCOMPLETE]").attr("aria-label")).isEqualTo("Incomplete: 2 sites");

        f.answerEverythingWithLocalCodes();
        home = f.owner.page("/");
        assertThat(home.selectFirst("tr.portfolio-row[data-site=" + f.site + "] .verdict-pill").text()).isEqualTo("Feasible with work");
        assertThat(home.selectFirst("tr.portfolio-row[data-site=" + f.site + "]").text()).contains("2500");
        assertThat(home.selectFirst(".chart-bar[data-verdict=FEASIBLE_WITH_WORK]").attr("aria-label")).isEqualTo("Feasible with work: 1 site");

        Document filtered = f.owner.page("/?verdict=FEASIBLE_WITH_WORK");
        assertThat(filtered.select("tr.portfolio-row").eachAttr("data-site")).containsExactly(f.site.toString());
        assertThat(filtered.selectFirst("#verdict option[selected]").val()).isEqualTo("FEASIBLE_WITH_WORK");
        // "Show" without htmx reloads at the results (the address's #portfolio); with htmx the results swap in place
        Element filters = filtered.selectFirst("form.portfolio-filters");
        assertThat(filters.attr("action")).isEqualTo("/#portfolio");
        assertThat(filters.attr("hx-trigger")).contains("submit");
        assertThat(filters.parent().id()).isEqualTo("portfolio");
        Response fragment = f.owner.get("/?verdict=INCOMPLETE", Map.of("HX-Request", "true"));
        assertThat(fragment.asString()).doesNotContain("<html");
        assertThat(f.owner.get("/?verdict=INCOMPLETE", Map.of("HX-Request", "true", "HX-History-Restore-Request", "true")).asString())
                .contains("<html");
        assertThat(f.owner.get("/sites?q=x", Map.of("HX-Request", "true", "HX-History-Restore-Request", "true")).asString())
                .contains("<html");
        assertThat(f.owner.get("/sites?q=x", Map.of("HX-Request", "true")).asString()).doesNotContain("<html");
        assertThat(Jsoup.parse(fragment.asString()).select("tr.portfolio-row").eachAttr("data-site")).containsExactly(second.toString());
        assertThat(f.owner.page("/?vendor=Cerner").getElementById("portfolio-table")).isNull();
        assertThat(f.owner.page("/?vendor=epic&sort=completion").select("tr.portfolio-row").first().attr("data-site"))
                .isEqualTo(second.toString());
        assertThat(f.owner.page("/?verdict=BOGUS&sort=%3Cscript%3E&page=-4").select("tr.portfolio-row")).hasSize(2);
        assertThat(f.owner.page("/?page=abc&vendor=" + "x".repeat(1000)).getElementById("portfolio-table")).isNull();
        assertThat(f.owner.page(f.summary() + "?since=abc").selectFirst("h1").text()).isEqualTo("Feasibility");
    }

    @Test
    void thePortfolioListsTheMostSevereVerdictFirstThenByNameAndFollowsARename() {
        Fixture f = fixture("Order");
        UUID bravo = f.owner.createSite("bravo General", "Lab results");
        UUID alpha = f.owner.createSite("Alpha Clinic", "Lab results");
        f.answerEverythingWithLocalCodes();
        // Incomplete (rank 2) before Feasible with work (rank 3); within a verdict by name, whatever its case.
        assertThat(f.owner.page("/").select("tr.portfolio-row").eachAttr("data-site"))
                .containsExactly(alpha.toString(), bravo.toString(), f.site.toString());
        assertThat(f.owner.page("/?sort=name").select("tr.portfolio-row").eachAttr("data-site"))
                .containsExactly(alpha.toString(), bravo.toString(), f.site.toString());

        // The sort key lives in site_feasibility; a rename (any writer, here SQL) moves the site in both orders.
        UUID workspace = Db.workspaceOf(f.owner.email);
        Db.asWorkspace(workspace, c -> Db.update(c, "UPDATE site SET name = 'Zulu Clinic' WHERE id = ?", alpha));
        assertThat(f.owner.page("/").select("tr.portfolio-row").eachAttr("data-site"))
                .containsExactly(bravo.toString(), alpha.toString(), f.site.toString());
        assertThat(f.owner.page("/?sort=name").select("tr.portfolio-row").eachAttr("data-site"))
                .containsExactly(bravo.toString(), f.site.toString(), alpha.toString());
    }

    static long[] versions(UUID workspace, UUID site) {
        return Db.asWorkspace(workspace, c -> new long[] {
                Db.count(c, "SELECT inputs_version FROM site_feasibility WHERE site_id = ?", site),
                Db.count(c, "SELECT computed_version FROM site_feasibility WHERE site_id = ?", site),
                Db.count(c, "SELECT count(*) FROM site_feasibility WHERE site_id = ? AND verdict = 'READY'", site) });
    }

    @Test
    void aChangeMarksTheRollupStaleAndAResultFromOlderInputsIsNeverStored() {
        Fixture f = fixture("Rollup");
        UUID workspace = Db.workspaceOf(f.owner.email);
        f.owner.page("/");
        long[] fresh = versions(workspace, f.site);
        assertThat(fresh[1]).isEqualTo(fresh[0]);

        f.answer(StandardQuestionnaire.DAILY_VOLUME, "", "100");
        long[] stale = versions(workspace, f.site);
        assertThat(stale[0]).as("the answer's trigger bumped the inputs").isGreaterThan(fresh[0]);
        assertThat(stale[1]).isEqualTo(fresh[1]);

        // a reader on another node that read the inputs before the answer comes to store its (older) result
        FeasibilityReport old = new FeasibilityReport(f.site, f.name, "", "", Verdict.READY, 0, 0, "", "", 0, List.of(), List.of(), List.of(), "UTC");
        com.fasterxml.jackson.databind.node.ArrayNode rows = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        rows.add(Portfolio.rollup(f.site, fresh[0], old, null));
        TenantContext.inRequestContext(() -> {
            io.quarkus.arc.Arc.container().instance(TenantContext.class).get().use(workspace);
            QuarkusTransaction.requiringNew().run(() -> Portfolio.store(workspace, rows));
            return null;
        });
        assertThat(versions(workspace, f.site)).containsExactly(stale[0], fresh[1], 0L);

        f.owner.page("/");
        long[] again = versions(workspace, f.site);
        assertThat(again[1]).isEqualTo(again[0]).isEqualTo(stale[0]);
        assertThat(f.owner.page("/").selectFirst("tr.portfolio-row[data-site=" + f.site + "]").text()).contains("100");
    }

    @Test
    void sqlStatementsForTheSummaryDoNotGrowWithProjectsAndAnswers() {
        Fixture small = fixture("Small Summary");
        Fixture large = fixture("Large Summary");
        large.answerEverythingWithLocalCodes();
        for (int i = 0; i < 3; i++) {
            assertThat(large.owner.post("/sites/" + large.site + "/projects", Map.of("name", "Phase " + i)).statusCode()).isEqualTo(303);
        }
        assertThat(large.owner.post(large.summary() + "/snapshots", Map.of()).statusCode()).isEqualTo(303);
        assertThat(small.owner.post(small.summary() + "/snapshots", Map.of()).statusCode()).isEqualTo(303);
        for (String path : List.of("", ".md")) {
            // Both viewed once first: the first view of a template version on a node also reads its definition.
            small.owner.page(small.summary());
            large.owner.page(large.summary());
            long smallCount = SqlStatements.countDuring(() -> small.owner.get(small.summary() + path));
            long largeCount = SqlStatements.countDuring(() -> large.owner.get(large.summary() + path));
            System.out.printf("SQL statements for /sites/{id}/feasibility%s: %d small, %d large%n", path, smallCount, largeCount);
            assertThat(largeCount).as(path).isEqualTo(smallCount);
        }
    }
}
