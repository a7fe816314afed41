package dev.siteready.scoping;

import dev.siteready.support.SqlStatements;
import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A project's scoping questionnaire as managers answer it, against PostgreSQL. */
@QuarkusTest
class QuestionnaireTest {

    /** A signed-in owner with a site onboarded from "Lab results", and the questionnaire's address. */
    record Fixture(WebSession owner, UUID site, UUID project, String base) {
        Document page() {
            return owner.page(base);
        }

        Element card(String question, String subject) {
            return page().getElementById(AnswerKey.of(question, subject).domId());
        }

        String version(String question, String subject) {
            Element card = card(question, subject);
            return card.selectFirst("input[name=version]").attr("value");
        }

        Response save(String question, String subject, Map<String, ?> values) {
            Map<String, Object> form = new LinkedHashMap<>(values);
            form.put("question", question);
            form.put("subject", subject);
            form.putIfAbsent("version", version(question, subject));
            return owner.post(base + "/answers", form);
        }
    }

    static Fixture fixture(String name) {
        WebSession owner = WebSession.signUp(name + " Co");
        UUID site = owner.createSite(name + " Hospital " + UUID.randomUUID().toString().substring(0, 6), "Lab results");
        UUID project = owner.firstProject(site);
        return new Fixture(owner, site, project, "/sites/" + site + "/projects/" + project + "/questionnaire");
    }

    @Test
    void aNewSiteStartsWithTheStandardQuestionsRepeatedForItsScope() {
        Fixture f = fixture("Standard");
        Document page = f.page();
        assertThat(page.select("section.questionnaire-section h2").eachText())
                .anySatisfy(t -> assertThat(t).startsWith("Connection"))
                .anySatisfy(t -> assertThat(t).startsWith("Patient identification"))
                .anySatisfy(t -> assertThat(t).startsWith("Volumes and go-live"));
        // "Lab results" scopes Order (outbound) and Results (inbound): the connection question repeats per data set.
        assertThat(page.select("#section-connection .question-title").eachText())
                .contains("Which connection methods and standards can you support for Order (outbound)?",
                        "Which connection methods and standards can you support for Results (inbound)?");
        // and the data question repeats per required field of the template (four Results fields).
        assertThat(page.select("#section-data .question-title").eachText()).hasSize(4);
        assertThat(page.selectFirst("#questionnaire-status").text()).isEqualTo("Draft");
        assertThat(page.selectFirst("#progress").text()).contains("0 of ");
    }

    @Test
    void answersOfEveryTypeAreSavedAndKeptInTheHistory() {
        Fixture f = fixture("Types");
        assertThat(f.save(StandardQuestionnaire.HAS_EMPI, "", Map.of("value", "YES")).statusCode()).isEqualTo(303);
        assertThat(f.save(StandardQuestionnaire.PATIENT_ID_COUNT, "", Map.of("value", "3")).statusCode()).isEqualTo(303);
        assertThat(f.save(StandardQuestionnaire.TARGET_DATE, "", Map.of("value", "2027-03-01")).statusCode()).isEqualTo(303);
        assertThat(f.save(StandardQuestionnaire.CONNECTION_METHODS, "Results|INBOUND",
                Map.of("value", List.of("HL7V2_MLLP", "FHIR"))).statusCode()).isEqualTo(303);
        assertThat(f.save(StandardQuestionnaire.PATIENT_ID_TYPES, "", Map.of("cell-0-type", "MR", "cell-0-authority", "MAIN",
                "cell-0-format", "A999999", "cell-1-type", "PE", "cell-1-authority", "EMPI", "cell-2-type", "")).statusCode()).isEqualTo(303);

        Document page = f.page();
        String empi = AnswerKey.of(StandardQuestionnaire.HAS_EMPI, "").domId();
        assertThat(page.selectFirst("#" + empi + " input[value=YES]").hasAttr("checked")).isTrue();
        assertThat(page.selectFirst("#" + AnswerKey.of(StandardQuestionnaire.PATIENT_ID_COUNT, "").domId() + " input[name=value]").val()).isEqualTo("3");
        Element methods = page.getElementById(AnswerKey.of(StandardQuestionnaire.CONNECTION_METHODS, "Results|INBOUND").domId());
        assertThat(methods.select("input[checked]").eachAttr("value")).containsExactly("HL7V2_MLLP", "FHIR");
        Element table = page.getElementById(AnswerKey.of(StandardQuestionnaire.PATIENT_ID_TYPES, "").domId());
        assertThat(table.select("tbody tr")).hasSize(3); // two rows and an empty one to add another
        assertThat(table.selectFirst("select[name=cell-1-type] option[selected]").val()).isEqualTo("PE");
        assertThat(table.selectFirst("input[name=cell-0-format]").val()).isEqualTo("A999999");
        // conditional: the EMPI question appears once the EMPI answer is yes
        assertThat(page.getElementById(AnswerKey.of(StandardQuestionnaire.EMPI_ID, "").domId()).hasClass("question")).isTrue();

        // change the number: the history has both changes, old -> new, by the member
        assertThat(f.save(StandardQuestionnaire.PATIENT_ID_COUNT, "", Map.of("value", "4")).statusCode()).isEqualTo(303);
        Document history = f.owner.page(f.base + "/history?question=" + StandardQuestionnaire.PATIENT_ID_COUNT + "&subject=");
        List<Element> rows = history.select("table.history tbody tr");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).select("td").eachText()).contains("Owner of Types Co", "Answer", "3", "4");
        assertThat(rows.get(1).selectFirst("td.new-value").text()).isEqualTo("3");
        Response fragment = f.owner.get(f.base + "/history?question=" + StandardQuestionnaire.PATIENT_ID_COUNT + "&subject=",
                Map.of("HX-Request", "true"));
        assertThat(fragment.body().asString()).doesNotContain("<html").contains("history-entries");
    }

    @Test
    void invalidAnswersAreRefusedWithTheInputKeptOnScreen() {
        Fixture f = fixture("Invalid");
        Response response = f.save(StandardQuestionnaire.PATIENT_ID_COUNT, "", Map.of("value", "about three"));
        assertThat(response.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(response.body().asString());
        Element card = page.getElementById(AnswerKey.of(StandardQuestionnaire.PATIENT_ID_COUNT, "").domId());
        assertThat(card.selectFirst("input[name=value]").val()).isEqualTo("about three");
        assertThat(card.selectFirst(".field-error").text()).contains("Enter a number");

        Response table = f.save(StandardQuestionnaire.PATIENT_ID_TYPES, "", Map.of("cell-0-type", "NOT-A-TYPE", "cell-0-authority", "MAIN"));
        assertThat(table.statusCode()).isEqualTo(400);
        Element tableCard = Jsoup.parse(table.body().asString()).getElementById(AnswerKey.of(StandardQuestionnaire.PATIENT_ID_TYPES, "").domId());
        assertThat(tableCard.selectFirst(".field-error").text()).contains("Row 1");
        assertThat(tableCard.selectFirst("input[name=cell-0-authority]").val()).isEqualTo("MAIN");

        // a question or subject the questionnaire does not have is not there
        assertThat(f.owner.post(f.base + "/answers", Map.of("question", StandardQuestionnaire.PATIENT_ID_COUNT,
                "subject", "Results|INBOUND", "value", "1")).statusCode()).isEqualTo(404);
        assertThat(f.owner.post(f.base + "/answers", Map.of("question", "no.such", "subject", "", "value", "1")).statusCode()).isEqualTo(404);
        assertThat(f.owner.post(f.base + "/answers", Map.of("question", StandardQuestionnaire.CONNECTION_METHODS,
                "subject", "Vaccination|INBOUND", "value", "FHIR")).statusCode()).isEqualTo(404);
    }

    @Test
    void hostileValuesAreEscapedOrRefusedWithAMessage() {
        Fixture f = fixture("Hostile");
        String markup = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        assertThat(f.save(StandardQuestionnaire.FREEZES, "", Map.of("value", markup)).statusCode()).isEqualTo(303);
        Document page = f.page();
        Element card = page.getElementById(AnswerKey.of(StandardQuestionnaire.FREEZES, "").domId());
        assertThat(card.selectFirst("textarea").text()).isEqualTo(markup);
        assertThat(page.select("main script, main img")).isEmpty();

        for (String hostile : new String[] { "m".repeat(1024 * 1024), "nul\u0000byte" }) {
            Response response = f.save(StandardQuestionnaire.FREEZES, "", Map.of("value", hostile));
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(Jsoup.parse(response.body().asString()).select(".field-error").text()).isNotBlank();
            Response comment = f.owner.post(f.base + "/comments", Map.of("question", StandardQuestionnaire.FREEZES, "subject", "", "body", hostile));
            assertThat(comment.statusCode()).isEqualTo(400);
        }
        assertThat(f.owner.post(f.base + "/comments", Map.of("question", StandardQuestionnaire.FREEZES, "subject", "",
                "body", markup)).statusCode()).isEqualTo(303);
        assertThat(f.page().select("p.comment").text()).contains(markup);
    }

    @Test
    void theHtmxSaveReturnsTheCardAndTogglesConditionalQuestionsOutOfBand() {
        Fixture f = fixture("Htmx");
        String subject = "Results|Orders[].Results[].Code";
        String effort = AnswerKey.of(StandardQuestionnaire.FIELD_EFFORT, subject).domId();
        assertThat(f.page().getElementById(effort).hasAttr("hidden")).isTrue();

        Response response = f.owner.htmxPost(f.base + "/answers", Map.of("question", StandardQuestionnaire.FIELD_PROVIDED,
                "subject", subject, "version", f.version(StandardQuestionnaire.FIELD_PROVIDED, subject), "value", "NO"));
        assertThat(response.statusCode()).isEqualTo(200);
        String html = response.body().asString();
        assertThat(html).doesNotContain("<html");
        Document fragment = Jsoup.parseBodyFragment(html);
        Element saved = fragment.getElementById(AnswerKey.of(StandardQuestionnaire.FIELD_PROVIDED, subject).domId());
        assertThat(saved.selectFirst(".save-state").text()).startsWith("Saved");
        Element shown = fragment.getElementById(effort);
        assertThat(shown.attr("hx-swap-oob")).isEqualTo("true");
        assertThat(shown.hasClass("question")).isTrue();
        assertThat(fragment.getElementById("progress").attr("hx-swap-oob")).isEqualTo("true");

        // answering yes hides it again (and it no longer counts towards progress)
        Response yes = f.owner.htmxPost(f.base + "/answers", Map.of("question", StandardQuestionnaire.FIELD_PROVIDED,
                "subject", subject, "version", f.version(StandardQuestionnaire.FIELD_PROVIDED, subject), "value", "YES"));
        assertThat(Jsoup.parseBodyFragment(yes.body().asString()).getElementById(effort).hasAttr("hidden")).isTrue();
    }

    @Test
    void aSaveFromAStalePageShowsBothValuesAndOverwritesNothing() {
        Fixture f = fixture("Conflict");
        String key = StandardQuestionnaire.BUSINESS_HOURS;
        String stale = f.version(key, "");
        assertThat(f.save(key, "", Map.of("value", "Mon-Fri 07:00-19:00", "version", stale)).statusCode()).isEqualTo(303);

        Response second = f.owner.htmxPost(f.base + "/answers", Map.of("question", key, "subject", "", "version", stale,
                "value", "Mon-Sat 06:00-20:00"));
        assertThat(second.statusCode()).isEqualTo(409);
        Element card = Jsoup.parseBodyFragment(second.body().asString()).getElementById(AnswerKey.of(key, "").domId());
        assertThat(card.selectFirst(".conflict .theirs").text()).isEqualTo("Mon-Fri 07:00-19:00");
        assertThat(card.selectFirst("input[name=value]").val()).isEqualTo("Mon-Sat 06:00-20:00");
        assertThat(card.selectFirst("button[type=submit]").text()).isEqualTo("Save mine");
        assertThat(f.card(key, "").selectFirst("input[name=value]").val()).isEqualTo("Mon-Fri 07:00-19:00");

        // choosing mine: the conflict card carries the current version
        String current = card.selectFirst("input[name=version]").val();
        assertThat(f.save(key, "", Map.of("value", "Mon-Sat 06:00-20:00", "version", current)).statusCode()).isEqualTo(303);
        assertThat(f.card(key, "").selectFirst("input[name=value]").val()).isEqualTo("Mon-Sat 06:00-20:00");
        // saving exactly what is stored from a stale page is no conflict
        assertThat(f.save(key, "", Map.of("value", "Mon-Sat 06:00-20:00", "version", stale)).statusCode()).isEqualTo(303);
    }

    @Test
    void followUpsCommentsStatusAndLock() {
        Fixture f = fixture("Status");
        String key = StandardQuestionnaire.DAILY_VOLUME;
        assertThat(f.owner.post(f.base + "/follow-up", Map.of("question", key, "subject", "", "followUp", "true")).statusCode()).isEqualTo(303);
        assertThat(f.owner.post(f.base + "/comments", Map.of("question", key, "subject", "", "body", "Please include ADT.")).statusCode()).isEqualTo(303);
        Element card = f.card(key, "");
        assertThat(card.hasClass("question-follow-up")).isTrue();
        assertThat(card.selectFirst("p.comment").text()).contains("Please include ADT.");

        assertThat(f.owner.post(f.base + "/status", Map.of("to", "LOCKED")).statusCode()).isEqualTo(303);
        assertThat(f.page().selectFirst("#questionnaire-status").text()).isEqualTo("Reviewed and locked");
        assertThat(f.page().select("#" + AnswerKey.of(key, "").domId() + " fieldset[disabled]")).isNotEmpty();
        Response locked = f.save(key, "", Map.of("value", "1000"));
        assertThat(locked.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(locked.body().asString()).select(".field-error").text()).contains("locked");
        assertThat(f.owner.post(f.base + "/status", Map.of("to", "IN_PROGRESS")).statusCode()).isEqualTo(303);
        assertThat(f.save(key, "", Map.of("value", "1000")).statusCode()).isEqualTo(303);
        assertThat(f.owner.post(f.base + "/status", Map.of("to", "BOGUS")).statusCode()).isEqualTo(303);
    }

    @Test
    void theSitePageShowsWhereEachProjectsQuestionnaireStandsAndLinksToIt() {
        Fixture f = fixture("Standing");
        String site = "/sites/" + f.site;
        String total = f.page().selectFirst("#progress").text().replaceAll(".* of ([0-9]+) questions answered.*", "$1");
        Document page = f.owner.page(site);
        Element status = page.getElementById("questionnaire-" + f.project);
        assertThat(status.text()).isEqualTo("Not started");
        assertThat(status.attr("href")).isEqualTo(f.base);
        assertThat(page.getElementById("questionnaire-" + f.project + "-progress").text()).isEqualTo("0 of " + total + " answered");

        assertThat(f.save(StandardQuestionnaire.DAILY_VOLUME, "", Map.of("value", "2500")).statusCode()).isEqualTo(303);
        assertThat(f.page().selectFirst("#progress").text()).contains("1 of " + total + " questions answered");
        page = f.owner.page(site);
        assertThat(page.getElementById("questionnaire-" + f.project).text()).isEqualTo("In progress");
        assertThat(page.getElementById("questionnaire-" + f.project + "-progress").text()).isEqualTo("1 of " + total + " answered");

        assertThat(f.owner.post(f.base + "/status", Map.of("to", "SUBMITTED")).statusCode()).isEqualTo(303);
        assertThat(f.owner.page(site).getElementById("questionnaire-" + f.project).text()).isEqualTo("Submitted");
        assertThat(f.owner.post(f.base + "/status", Map.of("to", "LOCKED")).statusCode()).isEqualTo(303);
        assertThat(f.owner.page(site).getElementById("questionnaire-" + f.project).text()).isEqualTo("Reviewed and locked");

        // a project added on the site page has no questionnaire yet: the link leads to where it is started
        assertThat(f.owner.post(site + "/projects", Map.of("name", "<b>Phase 2</b>")).statusCode()).isEqualTo(303);
        page = f.owner.page(site);
        Element second = page.select("article.project").stream().filter(a -> a.selectFirst("h3").text().equals("<b>Phase 2</b>"))
                .findFirst().orElseThrow();
        Element none = second.selectFirst(".project-questionnaire a");
        assertThat(none.text()).isEqualTo("No questionnaire yet");
        assertThat(f.owner.get(none.attr("href")).statusCode()).isEqualTo(200);
        assertThat(page.select("main b")).isEmpty();

        // another workspace cannot see the site page
        assertThat(WebSession.signUp("Standing Other Co").get(site).statusCode()).isEqualTo(404);
    }

    @Test
    void exportsAsCsvAndAPrintablePage() throws IOException {
        Fixture f = fixture("Export");
        f.save(StandardQuestionnaire.FREEZES, "", Map.of("value", "=HYPERLINK(\"http://x\")"));
        f.save(StandardQuestionnaire.HAS_EMPI, "", Map.of("value", "NO"));
        Response csv = f.owner.get(f.base + "/export.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<CSVRecord> records = CSVParser.parse(new StringReader(csv.body().asString()),
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()).getRecords();
        assertThat(records).anySatisfy(r -> {
            assertThat(r.get("Question")).isEqualTo("Do you have an enterprise master patient index (EMPI)?");
            assertThat(r.get("Answer")).isEqualTo("No");
        });
        assertThat(records).anySatisfy(r -> assertThat(r.get("Answer")).isEqualTo("'=HYPERLINK(\"http://x\")"));
        Document print = f.owner.page(f.base + "/print");
        assertThat(print.select("table.print-answers td").eachText()).contains("No");
    }

    @Test
    void publishedTemplateVersionsDoNotChangeQuestionnairesInFlightUntilPulledIn() {
        Fixture f = fixture("Versions");
        f.save(StandardQuestionnaire.HAS_EMPI, "", Map.of("value", "YES"));
        Document list = f.owner.page("/templates/questionnaires");
        String href = list.selectFirst("table a[href^=/templates/questionnaires/]").attr("href");
        Document editor = f.owner.page(href);
        String version = editor.selectFirst("#add-question input[name=version]").val();

        Response added = f.owner.post(href + "/questions", Map.of("version", version, "section", "golive",
                "label", "Which interface engine do you run?", "type", "SINGLE_CHOICE", "options", "Rhapsody\nCloverleaf\nOther",
                "repeat", "ONCE", "showIfQuestion", ""));
        assertThat(added.statusCode()).isEqualTo(303);
        // not published yet: nothing changes anywhere
        assertThat(f.page().text()).doesNotContain("Which interface engine do you run?");
        Response invalid = f.owner.post(href + "/questions", Map.of("section", "golive", "label", "Choose", "type", "MULTI_CHOICE",
                "options", "Only one", "repeat", "ONCE"));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(invalid.body().asString()).getElementById("q-label").val()).isEqualTo("Choose");

        assertThat(f.owner.post(href + "/publish", Map.of("note", "Interface engine")).statusCode()).isEqualTo(303);
        Document after = f.page();
        assertThat(after.text()).doesNotContain("Which interface engine do you run?");
        assertThat(after.selectFirst(".notice").text()).contains("Version 2");

        // a new site's questionnaire asks the new version
        UUID other = f.owner.createSite("Versions New " + UUID.randomUUID().toString().substring(0, 6), "Lab results");
        UUID otherProject = f.owner.firstProject(other);
        assertThat(f.owner.page("/sites/" + other + "/projects/" + otherProject + "/questionnaire").text())
                .contains("Which interface engine do you run?");

        // pulling the new version in keeps the answers
        assertThat(f.owner.post(f.base + "/upgrade", Map.of()).statusCode()).isEqualTo(303);
        Document upgraded = f.page();
        assertThat(upgraded.text()).contains("Which interface engine do you run?");
        assertThat(upgraded.selectFirst("#" + AnswerKey.of(StandardQuestionnaire.HAS_EMPI, "").domId() + " input[value=YES]")
                .hasAttr("checked")).isTrue();
    }

    @Test
    void sqlStatementsPerAutosaveDoNotGrowWithTheAnswers() {
        Fixture f = fixture("Statements");
        String key = StandardQuestionnaire.DAILY_VOLUME;
        f.save(key, "", Map.of("value", "1"));
        String first = f.version(key, "");
        long few = SqlStatements.countDuring(() -> f.owner.htmxPost(f.base + "/answers",
                Map.of("question", key, "subject", "", "version", first, "value", "2")));
        for (String k : List.of(StandardQuestionnaire.PEAK_VOLUME, StandardQuestionnaire.PATIENT_ID_COUNT)) {
            f.save(k, "", Map.of("value", "5"));
            f.save(k, "", Map.of("value", "6"));
        }
        f.owner.post(f.base + "/comments", Map.of("question", key, "subject", "", "body", "one"));
        f.owner.post(f.base + "/comments", Map.of("question", StandardQuestionnaire.PEAK_VOLUME, "subject", "", "body", "two"));
        f.save(StandardQuestionnaire.FREEZES, "", Map.of("value", "none"));
        String version = f.version(key, "");
        long many = SqlStatements.countDuring(() -> f.owner.htmxPost(f.base + "/answers",
                Map.of("question", key, "subject", "", "version", version, "value", "3")));
        assertThat(many).isEqualTo(few);
        assertThat(few).isLessThan(20);
    }

    @Test
    void theApiReturnsSectionsQuestionsAndAnswers() {
        Fixture f = fixture("Api");
        f.save(StandardQuestionnaire.PATIENT_ID_TYPES, "", Map.of("cell-0-type", "MR", "cell-0-authority", "MAIN"));
        String token = f.owner.createApiToken("questionnaire reader");
        io.restassured.path.json.JsonPath json = given().header("Authorization", "Bearer " + token)
                .get("/api/projects/" + f.project + "/questionnaire").then().statusCode(200).extract().jsonPath();
        assertThat(json.getString("status")).isEqualTo("DRAFT");
        assertThat(json.getList("sections.key")).contains("connection", "patient", "golive");
        List<Map<String, Object>> patient = json.getList("sections.find { it.key == 'patient' }.questions");
        Map<String, Object> types = patient.stream().filter(q -> q.get("key").equals(StandardQuestionnaire.PATIENT_ID_TYPES)).findFirst().orElseThrow();
        assertThat(types.get("answer")).isEqualTo(List.of(Map.of("type", "MR", "authority", "MAIN")));
        given().header("Authorization", "Bearer " + token).get("/api/projects/" + UUID.randomUUID() + "/questionnaire")
                .then().statusCode(404);
    }

    @Test
    void viewersReadButCannotAnswer() {
        Fixture f = fixture("Viewer");
        WebSession viewer = f.owner.addMember("VIEWER", "Vera Viewer");
        Document page = viewer.page(f.base);
        assertThat(page.select("fieldset[disabled]")).isNotEmpty();
        assertThat(viewer.post(f.base + "/answers", Map.of("question", StandardQuestionnaire.DAILY_VOLUME, "subject", "",
                "version", "", "value", "5")).statusCode()).isEqualTo(403);
    }
}
