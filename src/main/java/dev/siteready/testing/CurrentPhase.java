package dev.siteready.testing;

import io.quarkus.hibernate.orm.panache.Panache;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where a project stands on its way to go-live: its first phase that is neither passed nor skipped, or "Live"
 * once all are done. For a site, the least advanced of its projects.
 */
public final class CurrentPhase {

    /** SQL ordering test_phase rows (alias t) from Functional to Go-live. */
    public static final String PHASE_ORDER = order("t");

    /** SQL ordering test_phase rows of that alias from Functional to Go-live. */
    public static String order(String alias) {
        return "array_position(ARRAY['FUNCTIONAL','INTEGRATED','UAT','PRODUCTION','GO_LIVE'], " + alias + ".kind::text)";
    }

    private CurrentPhase() {
    }

    /** "Integrated testing · in progress", or "Live" when kind is null (every phase done). */
    public static String label(String kind, String status) {
        if (kind == null) {
            return "Live";
        }
        return TestPhase.Kind.valueOf(kind).label + " · " + TestPhase.Status.valueOf(status).label.toLowerCase();
    }

    public static String cssClass(String kind, String status) {
        return kind == null ? TestPhase.Status.PASSED.cssClass() : TestPhase.Status.valueOf(status).cssClass();
    }

    /** The current phase of each project, in one query. */
    public static Map<UUID, String[]> ofProjects(UUID workspaceId, Collection<UUID> projectIds) {
        Map<UUID, String[]> current = new HashMap<>();
        if (projectIds.isEmpty()) {
            return current;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("SELECT DISTINCT ON (t.project_id) t.project_id,"
                + " t.kind, t.status FROM test_phase t WHERE t.workspace_id = :ws AND t.project_id IN (:ids)"
                + " AND t.status NOT IN ('PASSED', 'SKIPPED') ORDER BY t.project_id, " + PHASE_ORDER)
                .setParameter("ws", workspaceId).setParameter("ids", projectIds).getResultList();
        rows.forEach(r -> current.put((UUID) r[0], new String[] { (String) r[1], (String) r[2] }));
        return current;
    }
}
