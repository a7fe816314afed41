package dev.siteready.testing;

import dev.siteready.web.Dates;
import io.quarkus.hibernate.orm.panache.Panache;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the workspace home shows about testing: the planned go-lives not yet passed (overdue ones first, as their
 * date is earliest) and the phases that are blocked. Two queries.
 */
public record TestingOverview(List<Upcoming> goLives, List<Blocked> blocked, long blockedTotal) {

    public static final int SHOWN = 10;

    /** A planned go-live, with the project's current phase in words. */
    public record Upcoming(UUID siteId, String site, UUID projectId, String project, LocalDate date, String status,
            String statusClass, boolean overdue) {
        public String link() {
            return "/sites/" + siteId + "/projects/" + projectId + "/testing#phase-go-live";
        }
    }

    public record Blocked(UUID siteId, String site, UUID projectId, String project, String phase, String slug, String notes) {
        public String link() {
            return "/sites/" + siteId + "/projects/" + projectId + "/testing#phase-" + slug;
        }
    }

    /** One line per project, in the query's order, with its current phase from all its phases' rows. */
    private static List<Upcoming> goLives(List<Object[]> rows, Clock clock) {
        Map<UUID, Object[]> heads = new LinkedHashMap<>();
        Map<UUID, Map<TestPhase.Kind, TestPhase.Status>> statuses = new HashMap<>();
        for (Object[] r : rows) {
            heads.putIfAbsent((UUID) r[2], r);
            statuses.computeIfAbsent((UUID) r[2], p -> new EnumMap<>(TestPhase.Kind.class))
                    .put(TestPhase.Kind.valueOf((String) r[6]), TestPhase.Status.valueOf((String) r[7]));
        }
        return heads.values().stream().map(r -> {
            CurrentPhase current = CurrentPhase.of(statuses.get((UUID) r[2]));
            LocalDate date = (LocalDate) r[4];
            return new Upcoming((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3], date, current.label(), current.cssClass(),
                    date.isBefore(LocalDate.now(clock.withZone(Dates.zone((String) r[5]))))); // the site's today
        }).toList();
    }

    /** The overview as of the clock's now: a go-live is overdue once its date has passed in its site's zone. */
    @SuppressWarnings("unchecked")
    public static TestingOverview load(UUID workspaceId, Clock clock) {
        var em = Panache.getEntityManager();
        // The next go-lives with every phase of their projects (five rows each), so the current phase comes from
        // CurrentPhase's one definition without a query per project.
        List<Object[]> next = em.createNativeQuery("""
                WITH next AS (
                    SELECT t.project_id, t.planned_start, s.id AS site_id, s.name AS site_name, p.name AS project_name,
                           s.time_zone
                    FROM test_phase t
                    JOIN project p ON p.workspace_id = t.workspace_id AND p.id = t.project_id
                    JOIN site s ON s.workspace_id = p.workspace_id AND s.id = p.site_id
                    WHERE t.workspace_id = :ws AND t.kind = 'GO_LIVE' AND t.planned_start IS NOT NULL AND t.status <> 'PASSED'
                    ORDER BY t.planned_start, lower(s.name), p.id LIMIT :limit)
                SELECT n.site_id, n.site_name, n.project_id, n.project_name, n.planned_start, n.time_zone, c.kind, c.status
                FROM next n JOIN test_phase c ON c.workspace_id = :ws AND c.project_id = n.project_id
                ORDER BY n.planned_start, lower(n.site_name), n.project_id
                """).setParameter("ws", workspaceId).setParameter("limit", SHOWN).getResultList();
        List<Object[]> blocked = em.createNativeQuery("""
                SELECT s.id, s.name, p.id, p.name, t.kind, t.notes, count(*) OVER () FROM test_phase t
                JOIN project p ON p.workspace_id = t.workspace_id AND p.id = t.project_id
                JOIN site s ON s.workspace_id = p.workspace_id AND s.id = p.site_id
                WHERE t.workspace_id = :ws AND t.status = 'BLOCKED'
                ORDER BY t.updated_at DESC, t.id LIMIT :limit
                """).setParameter("ws", workspaceId).setParameter("limit", SHOWN).getResultList();
        return new TestingOverview(
                goLives(next, clock),
                blocked.stream().map(r -> {
                    TestPhase.Kind kind = TestPhase.Kind.valueOf((String) r[4]);
                    String notes = (String) r[5];
                    return new Blocked((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3], kind.label, kind.slug(),
                            dev.siteready.web.Forms.clip(notes, 160));
                }).toList(),
                blocked.isEmpty() ? 0 : ((Number) blocked.get(0)[6]).longValue());
    }
}
