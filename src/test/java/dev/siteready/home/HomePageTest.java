package dev.siteready.home;

import dev.siteready.support.Db;
import dev.siteready.support.OpenTransaction;
import dev.siteready.support.SqlStatements;
import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class HomePageTest {

    @Test
    void homeShowsTheWorkspaceAndWhatToDoFirst() {
        WebSession owner = WebSession.signUp("Home Co");
        Document home = owner.page("/");
        assertThat(home.title()).isEqualTo("Home Co · SiteReady");
        assertThat(home.selectFirst(".workspace-name").text()).isEqualTo("Home Co");
        assertThat(home.select(".empty-state a").eachAttr("href")).contains("/settings/team", "/settings/api-tokens");
        assertThat(home.selectFirst(".who").text()).contains("Owner of Home Co").contains("Owner");
    }

    @Test
    void thePortfolioCountsSitesPerStatusAndAddsUpTheScopesVolumes() {
        WebSession owner = WebSession.signUp("Volume Co");
        StringBuilder csv = new StringBuilder("name,ehr_vendor,time_zone,status,template\n");
        for (int i = 1; i <= 5; i++) {
            csv.append(String.format("Volume Hospital %d,Epic,America/Chicago,%s,Lab results%n", i, i <= 3 ? "Live" : "Scoping"));
        }
        assertThat(owner.post("/sites/import", Map.of("csv", csv.toString())).statusCode()).isEqualTo(303);
        UUID workspace = Db.workspaceOf(owner.email);
        try (OpenTransaction tx = OpenTransaction.begin(workspace)) {
            assertThat(tx.update("UPDATE scope_row SET messages_per_day = 100, peak_per_hour = 7 WHERE workspace_id = ?", workspace))
                    .isEqualTo(10);
            tx.commit();
        }
        Document home = owner.page("/");
        assertThat(home.getElementById("site-total").text()).isEqualTo("5");
        assertThat(home.selectFirst("a.stat-card[href=/sites?status=LIVE] strong").text()).isEqualTo("3");
        assertThat(home.selectFirst("a.stat-card[href=/sites?status=SCOPING] strong").text()).isEqualTo("2");
        assertThat(home.selectFirst("a.stat-card[href=/sites?status=ON_HOLD] strong").text()).isEqualTo("0");
        assertThat(home.getElementById("portfolio-volume").text()).contains(" 1000 messages per day", " 70 per hour");
    }

    @Test
    void sqlStatementsPerHomePageDoNotGrowWithTheTeam() {
        WebSession small = WebSession.signUp("Small Team");
        WebSession large = WebSession.signUp("Large Team");
        for (int i = 0; i < 12; i++) {
            WebSession.anonymous().post(large.invite(WebSession.uniqueEmail("m" + i), "VIEWER"),
                    Map.of("name", "Member " + i, "password", WebSession.PASSWORD));
        }
        small.page("/");
        large.page("/");

        long smallCount = SqlStatements.countDuring(() -> small.page("/"));
        long largeCount = SqlStatements.countDuring(() -> assertThat(large.page("/").select("tbody tr")).hasSize(13));
        System.out.printf("SQL statements per home page: %d with 1 member, %d with 13 members%n", smallCount, largeCount);
        assertThat(largeCount).isEqualTo(smallCount);
        // member and workspace, team, the counts per status and the volumes, the portfolio (stale rollups, the counts
        // per verdict and the vendors, the page with each site's current phase), upcoming go-lives and blocked phases,
        // then open action items, retrospectives due and template proposals waiting
        assertThat(smallCount).isBetween(1L, 10L);
    }
}
