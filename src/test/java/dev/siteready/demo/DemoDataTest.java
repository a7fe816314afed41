package dev.siteready.demo;

import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@TestProfile(DemoDataTest.DemoOn.class)
class DemoDataTest {

    public static class DemoOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("siteready.demo", "true");
        }
    }

    @Test
    void demoSwitchLoadsAWorkspaceWithAKnownSignIn() {
        Document home = WebSession.signIn(DemoData.OWNER_EMAIL, DemoData.PASSWORD).page("/");
        assertThat(home.selectFirst("h1").text()).isEqualTo(DemoData.WORKSPACE);
        assertThat(home.select("#team-heading ~ table tbody tr")).hasSize(3);
        // Every member the start-up log names signs in with the demo password: the engineer of the journeys too
        for (String email : new String[] { DemoData.ENGINEER_EMAIL, DemoData.VIEWER_EMAIL }) {
            assertThat(WebSession.signIn(email, DemoData.PASSWORD).page("/").selectFirst("h1").text()).isEqualTo(DemoData.WORKSPACE);
        }

        assertThat(home.selectFirst("#site-total").text()).isEqualTo("20");
        Document sites = WebSession.signIn(DemoData.OWNER_EMAIL, DemoData.PASSWORD).page("/sites");
        assertThat(sites.select("#site-results tbody tr")).hasSize(20);
        assertThat(sites.select("#site-results tbody td:nth-child(2)").eachText()).contains("Epic", "Oracle Health (Cerner)",
                "MEDITECH Expanse", "athenahealth");
        assertThat(sites.select("#site-results tbody td:nth-child(6)").eachText()).noneMatch("0"::equals);

        // the demo answers give the portfolio every verdict
        for (String verdict : List.of("READY", "FEASIBLE_WITH_WORK", "AT_RISK", "BLOCKED", "INCOMPLETE")) {
            assertThat(home.selectFirst(".chart-bar[data-verdict=" + verdict + "] .bar-count").text()).as(verdict).isNotEqualTo("0");
        }
        // and test phases at every stage: go-lives ahead, a blocked phase, live sites, a run with a blocking issue
        assertThat(home.select("#go-lives li")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(home.select("#blocked-phases li").text()).contains("Harbor Children's Hospital").contains("Functional testing · blocked");
        assertThat(home.select("#portfolio-results .phase-status").eachText()).contains("Live", "Integrated testing · in progress");
        // one go-live date per site; Lakeview's partner still answers an earlier date than the plan, and the row says so
        Document byName = WebSession.signIn(DemoData.OWNER_EMAIL, DemoData.PASSWORD).page("/?sort=name");
        assertThat(byName.select("tr.portfolio-row:has(.go-live-note)").eachText()).hasSize(1).allMatch(t -> t.startsWith("Lakeview"));
        String lakeview = home.select("#go-lives li a").stream().filter(a -> a.text().startsWith("Lakeview")).findFirst()
                .orElseThrow().attr("href").replaceAll("#.*", "");
        Document testing = WebSession.signIn(DemoData.OWNER_EMAIL, DemoData.PASSWORD).page(lakeview);
        assertThat(testing.getElementById("phase-integrated-status").text()).isEqualTo("In progress");
        assertThat(testing.select("#issues tbody tr").text()).contains("Results arrive with local codes instead of LOINC");
        // sample messages: Lakeview's checklist shows the types seen; Cascade's profile waits with suggestions
        assertThat(testing.select("#checklist tr:has(.seen-in-samples)").eachText()).anyMatch(t -> t.startsWith("Results New"));
        Document cascade = WebSession.signIn(DemoData.OWNER_EMAIL, DemoData.PASSWORD).page(sites.select("#site-results a").stream()
                .filter(a -> a.text().equals("Cascade Health Partners")).findFirst().orElseThrow().attr("href"));
        String project = cascade.selectFirst("article.project h3 a").attr("href");
        Document samples = WebSession.signIn(DemoData.OWNER_EMAIL, DemoData.PASSWORD).page(project + "/samples");
        assertThat(samples.selectFirst("#profile-summary").text()).contains("84 of 84 messages profiled").contains("Dev Okafor");
        assertThat(samples.select("#suggestions article.suggestion")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(samples.select("#codes .code-system-flagged").text()).contains("99CHP");
        // retrospectives: two live sites have one, two are due; action items and a proposal wait
        assertThat(home.select("#retros-missing li").text()).contains("Bayou General", "Coastal Carolina Health");
        assertThat(home.select("#open-actions li").text()).contains("Write up the code-mapping upload for product", "overdue");
        assertThat(home.getElementById("pending-proposals").text()).contains("1 template proposal waits");
        WebSession maya = WebSession.signIn(DemoData.OWNER_EMAIL, DemoData.PASSWORD);
        Document review = maya.page("/retrospectives?q=mappings");
        assertThat(review.select("article.retro-hit h3").eachText()).contains("LOINC mapping table came late",
                "Local result codes needed mapping for three weeks");
        Document riverside = maya.page(review.select("article.retro-hit h3 a").stream()
                .filter(a -> a.text().equals("LOINC mapping table came late")).findFirst().orElseThrow().attr("href").replaceAll("#.*", ""));
        assertThat(riverside.select("#section-feature-needed .badge").text()).contains("health system");
        assertThat(riverside.select("#proposal-list li").text()).contains("Stop requiring Results Orders[].Results[].Units");
        Document viewerHome = WebSession.signIn(DemoData.VIEWER_EMAIL, DemoData.PASSWORD).page("/");
        assertThat(viewerHome.selectFirst(".who").text()).contains("Viewer");
    }
}
