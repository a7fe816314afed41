package dev.siteready.feasibility;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.Test;

import dev.siteready.scoping.StandardQuestionnaire;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * One go-live date everywhere: the test plan's when it has one, else the questionnaire answer; where both exist and
 * differ, every place showing the date says so (summary page, portfolio, API, Markdown, PDF).
 */
@QuarkusTest
class GoLiveTest {

    static final String PLANNED = "2027-02-15";
    static final String ANSWERED = "2027-03-01";
    static final String NOTE = "The test plan says " + PLANNED + "; the questionnaire answer says " + ANSWERED + ".";

    /** Plans the go-live through the testing page's phase form, keeping the phase's status and everything else. */
    static void planGoLive(FeasibilityTest.Fixture f, String date) {
        String testing = "/sites/" + f.site() + "/projects/" + f.project() + "/testing";
        Element form = f.owner().page(testing).selectFirst("#phase-go-live form.phase-form");
        assertThat(form).as("the go-live phase form").isNotNull();
        Map<String, Object> values = new LinkedHashMap<>();
        ((FormElement) form).formData().stream().filter(v -> !v.key().equals("csrf-token"))
                .forEach(v -> values.put(v.key(), v.value()));
        assertThat(values).containsKeys("status", "version", "plannedStart");
        values.put("plannedStart", date);
        Response saved = f.owner().post(testing + "/phases/go-live", values);
        assertThat(saved.statusCode()).as(saved.body().asString()).isEqualTo(303);
        Document after = f.owner().page(testing);
        assertThat(after.selectFirst("#phase-go-live form.phase-form input[name=plannedStart]").val()).isEqualTo(date);
        assertThat(after.selectFirst("#phase-go-live form.phase-form select[name=status] option[selected]").val())
                .isEqualTo(values.get("status"));
    }

    static JsonPath api(FeasibilityTest.Fixture f, String token) {
        return given().header("Authorization", "Bearer " + token).get("/api/sites/" + f.site() + "/feasibility")
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    /** The PDF's text without whitespace: where the renderer breaks a line (also after a date's hyphen) does not matter. */
    static String pdfText(FeasibilityTest.Fixture f) throws IOException {
        Response pdf = f.owner().get(f.summary() + ".pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(pdf.asByteArray())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
    }

    static String compact(String text) {
        return text.replaceAll("\\s+", "");
    }

    static Element portfolioRow(FeasibilityTest.Fixture f) {
        Element row = f.owner().page("/").selectFirst("tr.portfolio-row[data-site=" + f.site() + "]");
        assertThat(row).as("the site's portfolio row").isNotNull();
        return row;
    }

    @Test
    void thePlansDateWinsAndEveryPlaceSaysPlanAndAnswerDiffer() throws IOException {
        FeasibilityTest.Fixture f = FeasibilityTest.fixture("Go-live differs");
        f.answer(StandardQuestionnaire.TARGET_DATE, "", ANSWERED);
        planGoLive(f, PLANNED);

        Document summary = f.owner().page(f.summary());
        Element goLive = summary.getElementById("go-live");
        assertThat(goLive.ownText()).isEqualTo(PLANNED);
        assertThat(goLive.selectFirst(".go-live-note").text()).isEqualTo("Plan and answer differ. " + NOTE);
        Element project = summary.select("section[aria-labelledby=projects-heading] tbody tr").first();
        assertThat(project.text()).contains(PLANNED);
        assertThat(project.selectFirst(".go-live-note").text()).isEqualTo("(" + NOTE + ")");

        Element row = portfolioRow(f);
        assertThat(row.text()).contains(PLANNED).doesNotContain(ANSWERED);
        Element flag = row.selectFirst("abbr.go-live-note");
        assertThat(flag.text()).isEqualTo("plan and answer differ");
        assertThat(flag.attr("title")).isEqualTo(NOTE);

        JsonPath json = api(f, f.owner().createApiToken("go-live"));
        assertThat(json.getString("goLive")).isEqualTo(PLANNED);
        assertThat(json.getString("goLiveNote")).isEqualTo(NOTE);
        assertThat(json.getString("projects[0].goLive")).isEqualTo(PLANNED);
        assertThat(json.getString("projects[0].goLiveNote")).isEqualTo(NOTE);

        String markdown = f.owner().get(f.summary() + ".md").asString();
        assertThat(markdown).contains("- Go-live: " + PLANNED + "\n").contains("- Plan and answer differ. " + NOTE + "\n");

        assertThat(pdfText(f)).contains(compact("Go-live " + PLANNED)).contains(compact("Plan and answer differ. " + NOTE));
    }

    @Test
    void withOnlyTheAnswerItsDateIsShownWithoutANote() throws IOException {
        FeasibilityTest.Fixture f = FeasibilityTest.fixture("Go-live answered");
        f.answer(StandardQuestionnaire.TARGET_DATE, "", ANSWERED);

        Document summary = f.owner().page(f.summary());
        assertThat(summary.getElementById("go-live").text()).isEqualTo(ANSWERED);
        assertThat(summary.select(".go-live-note")).isEmpty();

        Element row = portfolioRow(f);
        assertThat(row.text()).contains(ANSWERED);
        assertThat(row.select(".go-live-note")).isEmpty();

        JsonPath json = api(f, f.owner().createApiToken("go-live"));
        assertThat(json.getString("goLive")).isEqualTo(ANSWERED);
        assertThat(json.getString("goLiveNote")).isEmpty();

        String markdown = f.owner().get(f.summary() + ".md").asString();
        assertThat(markdown).contains("- Go-live: " + ANSWERED + "\n").doesNotContain("differ");

        assertThat(pdfText(f)).contains(compact("Go-live " + ANSWERED)).doesNotContain("differ");
    }
}
