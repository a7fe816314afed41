package dev.siteready.retro;

import dev.siteready.web.Dates;
import io.quarkus.hibernate.orm.panache.Panache;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the workspace home shows about retrospectives: open action items (overdue first), projects that went live more
 * than two weeks ago without a retrospective, and how many template proposals wait for a manager. Three queries.
 */
public record RetroOverview(List<OpenAction> actions, long actionTotal, List<Missing> missing, long missingTotal,
        long pendingProposals) {

    public static final int SHOWN = 10;
    public static final int DAYS_AFTER_GO_LIVE = 14;

    public record OpenAction(UUID siteId, String site, UUID projectId, String project, UUID id, String title, String owner,
            LocalDate due, boolean overdue) {
        public String link() {
            return "/sites/" + siteId + "/projects/" + projectId + "/retrospective#action-" + id;
        }
    }

    public record Missing(UUID siteId, String site, UUID projectId, String project, LocalDate wentLive, long days) {
        public String link() {
            return "/sites/" + siteId + "/projects/" + projectId + "/retrospective";
        }
    }

    @SuppressWarnings("unchecked")
    public static RetroOverview load(UUID workspaceId) {
        var em = Panache.getEntityManager();
        List<Object[]> actions = em.createNativeQuery("""
                SELECT s.id, s.name, p.id, p.name, a.id, a.title, a.owner, a.due_on, s.time_zone, count(*) OVER ()
                FROM retro_action a
                JOIN retrospective r ON r.workspace_id = a.workspace_id AND r.id = a.retrospective_id
                JOIN project p ON p.workspace_id = r.workspace_id AND p.id = r.project_id
                JOIN site s ON s.workspace_id = p.workspace_id AND s.id = p.site_id
                WHERE a.workspace_id = :ws AND a.status = 'OPEN'
                ORDER BY a.due_on NULLS LAST, a.created_at, a.id LIMIT :limit
                """).setParameter("ws", workspaceId).setParameter("limit", SHOWN).getResultList();
        List<Object[]> missing = em.createNativeQuery("""
                SELECT s.id, s.name, p.id, p.name, t.actual_end, count(*) OVER ()
                FROM test_phase t
                JOIN project p ON p.workspace_id = t.workspace_id AND p.id = t.project_id
                JOIN site s ON s.workspace_id = p.workspace_id AND s.id = p.site_id
                WHERE t.workspace_id = :ws AND t.kind = 'GO_LIVE' AND t.status = 'PASSED'
                  AND t.actual_end < CAST(:cutoff AS date)
                  AND NOT EXISTS (SELECT 1 FROM retrospective r WHERE r.workspace_id = t.workspace_id AND r.project_id = t.project_id)
                ORDER BY t.actual_end, lower(s.name), p.id LIMIT :limit
                """).setParameter("ws", workspaceId).setParameter("cutoff", LocalDate.now().minusDays(DAYS_AFTER_GO_LIVE))
                .setParameter("limit", SHOWN).getResultList();
        long pending = ((Number) em.createNativeQuery(
                "SELECT count(*) FROM template_proposal WHERE workspace_id = :ws AND status = 'PROPOSED'")
                .setParameter("ws", workspaceId).getSingleResult()).longValue();
        LocalDate today = LocalDate.now();
        return new RetroOverview(
                actions.stream().map(r -> {
                    LocalDate due = (LocalDate) r[7];
                    return new OpenAction((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3], (UUID) r[4], (String) r[5],
                            (String) r[6], due, due != null && due.isBefore(LocalDate.now(Dates.zone((String) r[8]))));
                }).toList(),
                actions.isEmpty() ? 0 : ((Number) actions.get(0)[9]).longValue(),
                missing.stream().map(r -> new Missing((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3], (LocalDate) r[4],
                        java.time.temporal.ChronoUnit.DAYS.between((LocalDate) r[4], today))).toList(),
                missing.isEmpty() ? 0 : ((Number) missing.get(0)[5]).longValue(), pending);
    }
}
