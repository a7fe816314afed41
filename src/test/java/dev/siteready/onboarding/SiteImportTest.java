package dev.siteready.onboarding;

import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class SiteImportTest {

    static String csv(int rows, int badLine) {
        StringBuilder csv = new StringBuilder("Name,EHR Vendor,Time Zone,Contact Name,Contact Role,Contact Email,Template,Favourite Colour\n");
        for (int i = 1; i <= rows; i++) {
            int line = i + 1;
            String zone = line == badLine ? "Mars/Olympus" : "America/New_York";
            csv.append("Import Hospital ").append(i).append(",Epic,").append(zone).append(",Pat ").append(i)
                    .append(",Analyst,pat").append(i).append("@example.org,Lab results,blue\n");
        }
        return csv.toString();
    }

    @Test
    void validFileCreatesEverySiteWithItsTemplate() {
        WebSession owner = WebSession.signUp("Import Co");
        Response response = owner.post("/sites/import", Map.of("csv", csv(40, -1)));
        assertThat(response.statusCode()).isEqualTo(303);
        Document list = owner.page("/sites?sort=created");
        assertThat(list.selectFirst(".flash-success").text()).contains("40 sites created");
        assertThat(list.selectFirst("#site-count").text()).contains("40 sites");
        assertThat(list.select("#site-results tbody tr").first().select("td").get(5).text()).isEqualTo("2400");
    }

    @Test
    void aBadRowAtLine57IsReportedAsLine57AndNothingIsImported() {
        WebSession owner = WebSession.signUp("Import Bad Co");
        Response response = owner.post("/sites/import", Map.of("csv", csv(100, 57)));
        assertThat(response.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(response.body().asString());
        assertThat(page.select("#import-problems li").eachText()).containsExactly(
                "Line 57: time_zone: Choose a time zone such as America/Chicago.");
        assertThat(page.selectFirst("#csv").text()).startsWith("Name,EHR Vendor");
        assertThat(owner.page("/sites").select("#site-results tbody tr")).isEmpty();
    }

    @Test
    void everyProblemIsListedWithItsLine() {
        WebSession owner = WebSession.signUp("Import Many Problems Co");
        owner.createSite("Existing Hospital", "");
        String csv = """
                name,time_zone,template,contact_email,status
                Existing Hospital,America/Chicago,,,
                "Quoted, Hospital",America/Chicago,Nope,,
                Twin,America/Chicago,,bad-email,
                twin,America/Chicago,,,Sleeping
                ,America/Chicago,,,
                """;
        Response response = owner.post("/sites/import", Map.of("csv", csv));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(response.body().asString()).select("#import-problems li").eachText()).containsExactly(
                "Line 2: name: A site called Existing Hospital exists already.",
                "Line 3: template: No onboarding template is called \"Nope\".",
                "Line 4: contact_email: Enter an e-mail address like name@example.org.",
                "Line 4: contact_name: Enter the contact's name.",
                "Line 5: status: Use one of Planned, Scoping, Implementing, Live, On hold.",
                "Line 5: name: the same site as line 4.",
                "Line 6: name: Enter the site's name.");
    }

    @Test
    void blankLinesDoNotShiftLineNumbersAndBrokenCsvIsAProblemNotAnError() {
        WebSession owner = WebSession.signUp("Import Blank Lines Co");
        Response blank = owner.post("/sites/import", Map.of("csv", "name,time_zone\nGood,UTC\n\nBad,Nowhere\n"));
        assertThat(Jsoup.parse(blank.body().asString()).select("#import-problems li").eachText())
                .containsExactly("Line 4: time_zone: Choose a time zone such as America/Chicago.");
        Response multiLine = owner.post("/sites/import", Map.of("csv",
                "name,time_zone,environment_notes\nA,UTC,\"two\nlines\"\nB,Nowhere,x\n"));
        assertThat(Jsoup.parse(multiLine.body().asString()).select("#import-problems li").text()).startsWith("Line 4:");
        Response unclosed = owner.post("/sites/import", Map.of("csv", "\"name,time_zone\nA,UTC\n"));
        assertThat(unclosed.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(unclosed.body().asString()).select("#import-problems li").text()).contains("not valid CSV");
        Response bom = owner.post("/sites/import", Map.of("csv", "\uFEFFname,time_zone\nBom Hospital,UTC\n"));
        assertThat(bom.statusCode()).isEqualTo(303);
    }

    @Test
    void missingColumnsAndEmptyFilesAreExplained() {
        WebSession owner = WebSession.signUp("Import Header Co");
        Response noZone = owner.post("/sites/import", Map.of("csv", "name,ehr_vendor\nA,Epic\n"));
        assertThat(Jsoup.parse(noZone.body().asString()).select("#import-problems li").text()).contains("Line 1").contains("time_zone");
        Response empty = owner.post("/sites/import", Map.of("csv", ""));
        assertThat(empty.statusCode()).isEqualTo(400);
        Response headerOnly = owner.post("/sites/import", Map.of("csv", "name,time_zone\n"));
        assertThat(Jsoup.parse(headerOnly.body().asString()).select("#import-problems li").text()).contains("no sites");
    }
}
