package dev.siteready.retro;

import dev.siteready.web.Dates;
import io.quarkus.hibernate.orm.panache.Panache;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Projects live for more than {@value RetroOverview#DAYS_AFTER_GO_LIVE} days without a retrospective, counted in
 * the days of each project's site. The query takes the candidates by UTC's day; those within two days of the limit
 * (more than any zone is ahead of or behind UTC) all come back, whatever the page size, and are decided here by
 * their site's day, so the list and its total are exact for every site at any hour. One query.
 */
record MissingRetrospectives(List<RetroOverview.Missing> shown, long total) {

    private static final int EDGE_DAYS = 2;

    @SuppressWarnings("unchecked")
    static MissingRetrospectives load(UUID workspaceId, Clock clock) {
        LocalDate limitInUtc = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(RetroOverview.DAYS_AFTER_GO_LIVE);
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                WITH candidate AS (
                    SELECT s.id AS site_id, s.name AS site_name, p.id AS project_id, p.name AS project_name, t.actual_end,
                           s.time_zone, row_number() OVER (ORDER BY t.actual_end, lower(s.name), p.id) AS n, count(*) OVER () AS total
                    FROM test_phase t
                    JOIN project p ON p.workspace_id = t.workspace_id AND p.id = t.project_id
                    JOIN site s ON s.workspace_id = p.workspace_id AND s.id = p.site_id
                    WHERE t.workspace_id = :ws AND t.kind = 'GO_LIVE' AND t.status = 'PASSED'
                      AND t.actual_end < CAST(:dueNowhereFrom AS date)
                      AND NOT EXISTS (SELECT 1 FROM retrospective r WHERE r.workspace_id = t.workspace_id AND r.project_id = t.project_id))
                SELECT site_id, site_name, project_id, project_name, actual_end, time_zone, total FROM candidate
                WHERE n <= :limit OR actual_end >= CAST(:dueEverywhereBefore AS date)
                ORDER BY n
                """).setParameter("ws", workspaceId).setParameter("limit", RetroOverview.SHOWN)
                .setParameter("dueNowhereFrom", limitInUtc.plusDays(EDGE_DAYS))
                .setParameter("dueEverywhereBefore", limitInUtc.minusDays(EDGE_DAYS)).getResultList();
        List<RetroOverview.Missing> due = new ArrayList<>();
        long notYet = 0;
        for (Object[] r : rows) {
            LocalDate wentLive = (LocalDate) r[4];
            LocalDate today = LocalDate.now(clock.withZone(Dates.zone((String) r[5]))); // the site's today
            if (wentLive.isBefore(today.minusDays(RetroOverview.DAYS_AFTER_GO_LIVE))) {
                due.add(new RetroOverview.Missing((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3], wentLive,
                        ChronoUnit.DAYS.between(wentLive, today)));
            } else {
                notYet++;
            }
        }
        long total = rows.isEmpty() ? 0 : ((Number) rows.get(0)[6]).longValue() - notYet;
        return new MissingRetrospectives(due.stream().limit(RetroOverview.SHOWN).toList(), total);
    }
}
