package dev.siteready.testing;

import io.quarkus.hibernate.orm.panache.Panache;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the workspace home shows about testing: the planned go-lives not yet passed (overdue ones first, as their
 * date is earliest) and the phases that are blocked. Two queries.
 */
public record TestingOverview(List<GoLive> goLives, List<Blocked> blocked, long blockedTotal) {

    public static final int SHOWN = 10;

    /** A planned go-live, with the project's current phase in words. */
    public record GoLive(UUID siteId, String site, UUID projectId, String project, LocalDate date, String status,
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

    @SuppressWarnings("unchecked")
    public static TestingOverview load(UUID workspaceId) {
        var em = Panache.getEntityManager();
        List<Object[]> next = em.createNativeQuery("""
                SELECT s.id, s.name, p.id, p.name, t.planned_start, s.time_zone,
                       (SELECT c.kind || ':' || c.status FROM test_phase c WHERE c.workspace_id = t.workspace_id
                          AND c.project_id = t.project_id AND c.status NOT IN ('PASSED', 'SKIPPED')
                          ORDER BY %s LIMIT 1)
                FROM test_phase t
                JOIN project p ON p.workspace_id = t.workspace_id AND p.id = t.project_id
                JOIN site s ON s.workspace_id = p.workspace_id AND s.id = p.site_id
                WHERE t.workspace_id = :ws AND t.kind = 'GO_LIVE' AND t.planned_start IS NOT NULL AND t.status <> 'PASSED'
                ORDER BY t.planned_start, lower(s.name), p.id LIMIT :limit
                """.formatted(CurrentPhase.order("c"))).setParameter("ws", workspaceId).setParameter("limit", SHOWN).getResultList();
        List<Object[]> blocked = em.createNativeQuery("""
                SELECT s.id, s.name, p.id, p.name, t.kind, t.notes, count(*) OVER () FROM test_phase t
                JOIN project p ON p.workspace_id = t.workspace_id AND p.id = t.project_id
                JOIN site s ON s.workspace_id = p.workspace_id AND s.id = p.site_id
                WHERE t.workspace_id = :ws AND t.status = 'BLOCKED'
                ORDER BY t.updated_at DESC, t.id LIMIT :limit
                """).setParameter("ws", workspaceId).setParameter("limit", SHOWN).getResultList();
        return new TestingOverview(
                next.stream().map(r -> {
                    String[] current = ((String) r[6]).split(":"); // go-live is not passed, so some phase is current
                    return new GoLive((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3], (LocalDate) r[4],
                            CurrentPhase.label(current[0], current[1]), CurrentPhase.cssClass(current[0], current[1]),
                            ((LocalDate) r[4]).isBefore(LocalDate.now(java.time.ZoneId.of((String) r[5])))); // the site's today
                }).toList(),
                blocked.stream().map(r -> {
                    TestPhase.Kind kind = TestPhase.Kind.valueOf((String) r[4]);
                    String notes = (String) r[5];
                    return new Blocked((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3], kind.label, kind.slug(),
                            notes.length() > 160 ? notes.substring(0, 159) + "…" : notes);
                }).toList(),
                blocked.isEmpty() ? 0 : ((Number) blocked.get(0)[6]).longValue());
    }
}
