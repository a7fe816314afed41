package dev.siteready.site;

import dev.siteready.support.Db;
import dev.siteready.support.SqlStatements;
import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site list, the site API list and the home page issue as many SQL statements for 1,000 sites as for 30 (enough
 * for the second page the test opens: a page past the end costs the list one more statement, a count).
 */
@QuarkusTest
class SiteListStatementsTest {

    static String csv(int n, String prefix) {
        StringBuilder csv = new StringBuilder("name,ehr_vendor,time_zone,template,contact_name\n");
        for (int i = 0; i < n; i++) {
            csv.append(prefix).append(' ').append(i).append(",Epic,America/Chicago,")
                    .append(i % 2 == 0 ? "Lab results" : "Scheduling and registration").append(",Pat\n");
        }
        return csv.toString();
    }

    @Test
    void sitePageProjectPageAndCatalogStayFixedAsTheyGrow() {
        WebSession small = WebSession.signUp("Small Hub Co");
        WebSession large = WebSession.signUp("Large Hub Co");
        java.util.UUID smallSite = small.createSite("Small Hub", "Lab results");
        java.util.UUID largeSite = large.createSite("Large Hub", "Lab results");
        String largeBase = "/sites/" + largeSite + "/projects/" + large.firstProject(largeSite);
        var page = large.page(largeBase);
        for (var option : page.select("#dataModel option[value]:not([value=''])").subList(0, 6)) {
            large.post(largeBase + "/rows", Map.of("dataModel", option.attr("value"), "direction", "INBOUND",
                    "connectionMethod", "FHIR", "messagesPerDay", "10", "peakPerHour", "1"));
        }
        for (int i = 0; i < 5; i++) {
            large.post("/sites/" + largeSite + "/projects", Map.of("name", "Phase " + i));
            large.post("/catalog/models", Map.of("name", "Extra model " + i, "description", ""));
        }
        String smallBase = "/sites/" + smallSite + "/projects/" + small.firstProject(smallSite);
        String[][] pairs = { { "/sites/" + smallSite, "/sites/" + largeSite }, { smallBase, largeBase },
                { "/catalog", "/catalog" }, { "/templates", "/templates" } };
        for (String[] pair : pairs) {
            small.page(pair[0]);
            large.page(pair[1]);
            long smallCount = SqlStatements.countDuring(() -> small.page(pair[0]));
            long largeCount = SqlStatements.countDuring(() -> large.page(pair[1]));
            System.out.printf("SQL statements for %s: %d small, %d large%n", pair[1].replaceAll("[0-9a-f-]{36}", "{id}"), smallCount, largeCount);
            assertThat(largeCount).as(pair[1]).isEqualTo(smallCount);
        }
    }

    @Test
    void statementsPerPageDoNotGrowWithTheNumberOfSites() {
        WebSession small = WebSession.signUp("Thirty Sites Co");
        WebSession large = WebSession.signUp("Thousand Sites Co");
        assertThat(small.post("/sites/import", Map.of("csv", csv(30, "Small"))).statusCode()).isEqualTo(303);
        long start = System.nanoTime();
        Response imported = large.post("/sites/import", Map.of("csv", csv(1000, "Large")));
        long importMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(imported.statusCode()).isEqualTo(303);
        System.out.printf("Imported 1,000 sites from CSV in %d ms%n", importMillis);
        // The import analysed the tables it wrote: the planner's figures already count every site and project
        // (autovacuum would only within a minute; until then plans for a nearly empty table: docs/performance.md)
        try (Connection c = Db.superuser()) {
            for (String table : new String[] { "site", "project", "questionnaire" }) {
                long rows = Db.count(c, "SELECT count(*) FROM " + table);
                long estimated = Db.count(c, "SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass(?)", table);
                assertThat(estimated).as("planner's row estimate for " + table).isEqualTo(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }

        start = System.nanoTime();
        large.page("/");
        System.out.printf("First home page after the import (rollups of 1,000 sites computed) in %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
        for (String path : new String[] { "/sites", "/sites?q=e&sort=status&page=2", "/", "/?status=SCOPING&vendor=epic" }) {
            small.page(path);
            large.page(path);
            long smallCount = SqlStatements.countDuring(() -> small.page(path));
            long largeCount = SqlStatements.countDuring(() -> large.page(path));
            System.out.printf("SQL statements for %s: %d with 30 sites, %d with 1,000 sites%n", path, smallCount, largeCount);
            assertThat(largeCount).as(path).isEqualTo(smallCount);
        }
        long pastTheEnd = SqlStatements.countDuring(() -> assertThat(large.page("/sites?page=41").selectFirst("#site-count").text())
                .contains("1000 sites"));
        assertThat(pastTheEnd).as("a page past the end adds the count").isEqualTo(SqlStatements.countDuring(() -> large.page("/sites")) + 1);
        Document list = large.page("/sites");
        assertThat(list.selectFirst("#site-count").text()).contains("1000 sites").contains("of 40");
        assertThat(list.selectFirst("nav.pager a[rel=next]").attr("href")).endsWith("&page=2");
        Document home = large.page("/?sort=name&page=2");
        assertThat(home.selectFirst("#portfolio-count").text()).isEqualTo("1000 sites · page 2 of 40");
        assertThat(home.select("tr.portfolio-row")).hasSize(25);
        assertThat(home.selectFirst("nav.pager a[rel=prev]").attr("href")).contains("sort=name").contains("page=1");
        assertThat(home.selectFirst(".chart-bar[data-verdict=INCOMPLETE]").attr("aria-label")).isEqualTo("Incomplete: 1000 sites");
    }
}
