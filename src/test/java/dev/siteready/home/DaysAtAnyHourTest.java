package dev.siteready.home;

import dev.siteready.support.Db;
import dev.siteready.support.PinnedClock;
import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every decision bound to a day, with the application's clock pinned around midnight in UTC, in a site's zone behind
 * UTC (America/Chicago: UTC-6 in winter, UTC-5 in summer, and on the days the clocks change) and in one ahead of it
 * (Pacific/Kiritimati, UTC+14): what is overdue, when a retrospective is due, a phase's start date and the timeline's
 * today follow the site's calendar, whatever the hour the suite runs at.
 */
@QuarkusTest
@Isolated // pins the application's clock
class DaysAtAnyHourTest {

    static final String CHICAGO = "America/Chicago";
    static final String KIRITIMATI = "Pacific/Kiritimati";

    @Inject
    PinnedClock clock;

    @AfterEach
    void unpin() {
        clock.reset();
    }

    @ParameterizedTest(name = "at {0} it is {1} in Chicago and {2} in Kiritimati")
    @CsvSource({
            "2026-01-15T05:30:00Z, 2026-01-14, 2026-01-15", // UTC's new day, Chicago (UTC-6) still at 23:30 the day before
            "2026-01-15T06:30:00Z, 2026-01-15, 2026-01-15", // just after Chicago's midnight
            "2026-01-15T09:30:00Z, 2026-01-15, 2026-01-15", // Kiritimati at 23:30
            "2026-01-15T10:30:00Z, 2026-01-15, 2026-01-16", // just after Kiritimati's midnight: a day ahead of UTC
            "2026-01-15T23:30:00Z, 2026-01-15, 2026-01-16", // UTC's last half hour
            "2026-01-16T00:30:00Z, 2026-01-15, 2026-01-16", // UTC's first half hour
            "2026-03-08T05:30:00Z, 2026-03-07, 2026-03-08", // the night Chicago's clocks go forward (08:00Z), 23:30 CST
            "2026-03-08T07:30:00Z, 2026-03-08, 2026-03-08", // 01:30 CST, half an hour before the change
            "2026-03-10T03:30:00Z, 2026-03-09, 2026-03-10", // summer (UTC-5): 22:30 on the 9th in Chicago
            "2026-03-10T05:30:00Z, 2026-03-10, 2026-03-10", // 00:30 CDT
            "2026-03-10T23:30:00Z, 2026-03-10, 2026-03-11",
            "2026-11-01T04:30:00Z, 2026-10-31, 2026-11-01", // the night Chicago's clocks go back (07:00Z), 23:30 CDT
            "2026-11-01T06:30:00Z, 2026-11-01, 2026-11-01", // 01:30 CDT, the first of the two
    })
    void dayBoundDecisionsFollowTheSitesCalendar(Instant at, LocalDate chicago, LocalDate kiritimati) {
        clock.pin(at);
        WebSession owner = WebSession.signUp("Any Hour");
        UUID workspace = Db.workspaceOf(owner.email);
        Project late = Project.create(owner, "Late", CHICAGO);
        Project onTime = Project.create(owner, "On time", CHICAGO);
        goLivePlanned(workspace, late, chicago.minusDays(1));
        goLivePlanned(workspace, onTime, chicago);
        wentLive(workspace, Project.create(owner, "Chicago 15", CHICAGO), chicago.minusDays(15));
        wentLive(workspace, Project.create(owner, "Chicago 14", CHICAGO), chicago.minusDays(14));
        wentLive(workspace, Project.create(owner, "Kiritimati 15", KIRITIMATI), kiritimati.minusDays(15));
        wentLive(workspace, Project.create(owner, "Kiritimati 14", KIRITIMATI), kiritimati.minusDays(14));
        String retro = late.path() + "/retrospective";
        assertThat(owner.post(retro, Map.of()).statusCode()).isEqualTo(303);
        addAction(owner, retro, "Due yesterday", chicago.minusDays(1));
        addAction(owner, retro, "Due today", chicago);

        Document home = owner.page("/");
        assertThat(line(home, "#go-lives li", "Late").text()).startsWith(chicago.minusDays(1).toString()).contains("overdue");
        assertThat(line(home, "#go-lives li", "On time").text()).startsWith(chicago.toString()).doesNotContain("overdue");
        assertThat(line(home, "#open-actions li", "Due yesterday").text()).contains("overdue");
        assertThat(line(home, "#open-actions li", "Due today").text()).doesNotContain("overdue");
        assertThat(home.select("#retros-missing li").eachText()).satisfiesExactlyInAnyOrder(
                t -> assertThat(t).contains("Chicago 15").contains("(15 days)"),
                t -> assertThat(t).contains("Kiritimati 15").contains("(15 days)"));
        assertThat(home.selectFirst("#retro-due-heading small").text()).isEqualTo("2");
        Document retroPage = owner.page(retro);
        assertThat(line(retroPage, "#action-table tbody tr", "Due yesterday").select(".badge-warn").text()).isEqualTo("overdue");
        assertThat(line(retroPage, "#action-table tbody tr", "Due today").select(".badge-warn")).isEmpty();

        String testing = late.path() + "/testing";
        String version = owner.page(testing).selectFirst("#phase-functional input[name=version]").val();
        Response started = owner.post(testing + "/phases/functional", Map.of("status", "IN_PROGRESS", "version", version));
        assertThat(started.statusCode()).as(started.body().asString()).isEqualTo(303);
        Document testingPage = owner.page(testing);
        assertThat(testingPage.selectFirst("#phase-functional input[name=actualStart]").val()).isEqualTo(chicago.toString());
        assertThat(testingPage.getElementById("timeline-desc").text()).contains("today is " + chicago + ".");
    }

    record Project(UUID site, UUID id) {
        static Project create(WebSession owner, String name, String zone) {
            UUID site = owner.createSite(name + " " + UUID.randomUUID().toString().substring(0, 6), "Lab results", zone);
            return new Project(site, owner.firstProject(site));
        }

        String path() {
            return "/sites/" + site + "/projects/" + id;
        }
    }

    private static void goLivePlanned(UUID workspace, Project project, LocalDate on) {
        Db.asWorkspace(workspace, c -> Db.update(c, "UPDATE test_phase SET planned_start = ? WHERE project_id = ? AND kind = 'GO_LIVE'",
                on, project.id()));
    }

    /** Marks the project live on the day (as the testing gates would, but directly). */
    private static void wentLive(UUID workspace, Project project, LocalDate on) {
        Db.asWorkspace(workspace, c -> Db.update(c, "UPDATE test_phase SET status = 'PASSED', actual_start = ?, actual_end = ?"
                + " WHERE project_id = ? AND kind = 'GO_LIVE'", on, on, project.id()));
    }

    private static void addAction(WebSession owner, String retro, String title, LocalDate due) {
        Response added = owner.post(retro + "/actions", Map.of("title", title, "owner", "Dev", "due", due.toString(), "item", ""));
        assertThat(added.statusCode()).as(added.body().asString()).isEqualTo(303);
    }

    private static Element line(Document page, String selector, String containing) {
        return page.select(selector).stream().filter(e -> e.text().contains(containing)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + selector + " with " + containing + " in " + page.select(selector)));
    }
}
