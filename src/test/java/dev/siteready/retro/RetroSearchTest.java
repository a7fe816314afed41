package dev.siteready.retro;

import dev.siteready.support.Db;
import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The cross-project review: full-text search with stemming, tags, site and date filters, exports and the JSON API. */
@QuarkusTest
class RetroSearchTest {

    @Test
    void fullTextSearchStemsTagsFilterAndOtherWorkspacesStayOut() {
        RetroFixture epic = RetroFixture.started("Search");
        WebSession owner = epic.owner();
        epic.item("TO_IMPROVE", "Results mapping took three weeks", "The LOINC *mapping* table came late.", "lab-codes, mapping", "");
        epic.item("WENT_WELL", "Ordering worked first time", "Nothing else to report.", "orders", "");
        UUID cernerSite = owner.createSite("Cerner Site " + UUID.randomUUID().toString().substring(0, 6), "Lab results");
        Db.asWorkspace(Db.workspaceOf(owner.email), c -> Db.update(c, "UPDATE site SET ehr_vendor = 'Oracle Health (Cerner)' WHERE id = ?", cernerSite));
        RetroFixture cerner = new RetroFixture(owner, cernerSite, owner.firstProject(cernerSite),
                "/sites/" + cernerSite + "/projects/" + owner.firstProject(cernerSite) + "/retrospective");
        owner.post(cerner.base(), Map.of());
        cerner.item("DECISION", "Used the EMPI id as the primary identifier", "", "lab-codes", "");
        // Another workspace writes the same words: never found here.
        RetroFixture other = RetroFixture.started("Search elsewhere");
        other.item("TO_IMPROVE", "Mapping again", "mapping mappings mapped", "lab-codes", "");

        assertThat(titles(owner, "/retrospectives?q=mappings")).containsExactly("Results mapping took three weeks");
        assertThat(titles(owner, "/retrospectives?q=mapped")).containsExactly("Results mapping took three weeks");
        assertThat(titles(owner, "/retrospectives?q=Cerner")).containsExactly("Used the EMPI id as the primary identifier");
        assertThat(owner.page("/retrospectives?q=Cerner").select("article.retro-hit .match-reason").text()).contains("site's name or EHR vendor");
        assertThat(owner.page("/retrospectives?q=mappings").select("article.retro-hit .match-reason")).isEmpty();
        assertThat(titles(owner, "/retrospectives?tag=lab-codes")).containsExactlyInAnyOrder("Results mapping took three weeks",
                "Used the EMPI id as the primary identifier");
        assertThat(titles(owner, "/retrospectives?q=mapping&tag=orders")).isEmpty();
        assertThat(titles(owner, "/retrospectives?site=" + cernerSite)).containsExactly("Used the EMPI id as the primary identifier");
        assertThat(titles(owner, "/retrospectives?from=2000-01-01&to=2001-01-01")).isEmpty();
        assertThat(titles(owner, "/retrospectives")).hasSize(3);

        Document review = owner.page("/retrospectives");
        assertThat(review.select("#frequent-tags li a").eachText()).startsWith("#lab-codes");
        assertThat(review.select("#frequent-tags li").first().text()).endsWith("2");
        assertThat(review.select("#retro-list li")).hasSize(2);
        Response fragment = owner.get("/retrospectives?q=mapping", Map.of("HX-Request", "true"));
        assertThat(fragment.body().asString()).doesNotContain("<html").contains("Results mapping took three weeks");

        Response tooLong = owner.get("/retrospectives?q=" + "x".repeat(300));
        assertThat(tooLong.statusCode()).isEqualTo(200);
        assertThat(RetroFixture.parse(tooLong).getElementById("review-problem").text()).contains("up to 200 characters");
        assertThat(owner.get("/retrospectives?from=yesterday").statusCode()).isEqualTo(200);
        Document search = owner.page("/retrospectives?q=<script>alert(1)</script>");
        assertThat(search.select("script:containsData(alert)")).isEmpty();
        assertThat(search.getElementById("review-q").val()).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void exportsAndTheApiFollowTheSameFilter() throws IOException {
        RetroFixture f = RetroFixture.started("Export");
        f.item("TO_IMPROVE", "Code mappings were late", "- first\n- second", "mapping", "");
        f.item("WENT_WELL", "=HYPERLINK(\"http://evil\")", "", "ops", "");

        Response csv = f.owner().get("/retrospectives/export.csv?q=mapping");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.header("Content-Disposition")).contains("attachment").contains("retrospectives");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body().asString())).getRecords();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("Title")).isEqualTo("Code mappings were late");
        assertThat(rows.get(0).get("Notes (Markdown)")).isEqualTo("'- first\n- second"); // a leading - could start a formula
        assertThat(rows.get(0).get("Tags")).isEqualTo("mapping");
        assertThat(rows.get(0).get("Link")).matches("https?://[^/]+" + java.util.regex.Pattern.quote(f.base()) + "#item-[0-9a-f-]{36}");
        List<CSVRecord> all = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(f.owner().get("/retrospectives/export.csv").body().asString())).getRecords();
        assertThat(all).extracting(r -> r.get("Title")).contains("'=HYPERLINK(\"http://evil\")");

        String md = f.owner().get("/retrospectives/export.md?tag=mapping").body().asString();
        assertThat(md).startsWith("# Retrospectives").contains("Selection: tag mapping.", "1 item from 1 retrospective", "### What to improve",
                "- **Code mappings were late** #mapping", "  - first").doesNotContain("HYPERLINK");
        assertThat(f.owner().get("/retrospectives/export.csv?from=not-a-date").statusCode()).isEqualTo(400);

        String token = f.owner().createApiToken("retro reader");
        Response api = f.owner().get("/api/retrospectives?q=mappings&tag=mapping", Map.of("Authorization", "Bearer " + token));
        assertThat(api.statusCode()).as(api.body().asString()).isEqualTo(200);
        JsonPath json = api.jsonPath();
        assertThat(json.getLong("total")).isEqualTo(1);
        assertThat(json.getString("items[0].title")).isEqualTo("Code mappings were late");
        assertThat(json.getString("items[0].section")).isEqualTo("TO_IMPROVE");
        assertThat(json.getList("items[0].tags")).containsExactly("mapping");
        assertThat(json.getString("items[0].retrospective.site")).startsWith("Export Hospital");
        assertThat(json.getString("items[0].url")).startsWith(f.base() + "#item-");
        Response bad = f.owner().get("/api/retrospectives?q=" + "y".repeat(300), Map.of("Authorization", "Bearer " + token));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.jsonPath().getString("fields.query")).contains("200 characters");
        assertThat(WebSession.anonymous().get("/api/retrospectives").statusCode()).isEqualTo(401);
    }

    private static List<String> titles(WebSession owner, String path) {
        return owner.page(path).select("#results article.retro-hit h3").eachText();
    }
}
