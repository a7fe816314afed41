package dev.siteready.retro;

import dev.siteready.web.Dates;
import io.quarkus.hibernate.orm.panache.Panache;

import java.time.Clock;
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

    /** The overview as of the clock's now; days are the site's (an action is overdue the day after it is due there). */
    @SuppressWarnings("unchecked")
    public static RetroOverview load(UUID workspaceId, Clock clock) {
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
        MissingRetrospectives missing = MissingRetrospectives.load(workspaceId, clock);
        long pending = ((Number) em.createNativeQuery(
                "SELECT count(*) FROM template_proposal WHERE workspace_id = :ws AND status = 'PROPOSED'")
                .setParameter("ws", workspaceId).getSingleResult()).longValue();
        return new RetroOverview(
                actions.stream().map(r -> {
                    LocalDate due = (LocalDate) r[7];
                    return new OpenAction((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3], (UUID) r[4], (String) r[5],
                            (String) r[6], due, due != null && due.isBefore(LocalDate.now(clock.withZone(Dates.zone((String) r[8])))));
                }).toList(),
                actions.isEmpty() ? 0 : ((Number) actions.get(0)[9]).longValue(), missing.shown(), missing.total(), pending);
    }
}
