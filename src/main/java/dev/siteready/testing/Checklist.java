package dev.siteready.testing;

import dev.siteready.project.Project;
import dev.siteready.time.AppClock;
import io.quarkus.hibernate.orm.panache.Panache;

import java.util.List;
import java.util.UUID;

/**
 * Keeps a project's functional checklist in line with its scope: one item per event type and direction in scope.
 * New scope adds items; an item whose scope went away is marked out of scope (its results and evidence stay), and
 * comes back in scope with them if the scope does. Runs whenever the checklist is read, so every way of changing a
 * scope (pages, API, CSV import) is covered; safe when two requests run it at once.
 */
public final class Checklist {

    private Checklist() {
    }

    public record Changes(int added, int removed, int restored) {
        public boolean any() {
            return added + removed + restored > 0;
        }
    }

    /** Who the history names for checklist changes: they follow a scope change, not the person reading the page. */
    static final String ACTOR = "SiteReady (follows the scope)";

    public static Changes sync(UUID workspaceId, Project project) {
        var em = Panache.getEntityManager();
        em.flush();
        int added = em.createNativeQuery("""
                INSERT INTO checklist_item (workspace_id, id, project_id, event_id, direction, created_at)
                SELECT :ws, gen_random_uuid(), :project, s.event_id, s.direction, CAST(:now AS timestamptz) FROM (
                    SELECT DISTINCT e.event_id, r.direction FROM scope_row r
                    JOIN scope_row_event e ON e.workspace_id = r.workspace_id AND e.scope_row_id = r.id
                    WHERE r.workspace_id = :ws AND r.project_id = :project) s
                ON CONFLICT (workspace_id, project_id, event_id, direction) DO NOTHING
                """).setParameter("ws", workspaceId).setParameter("project", project.id).setParameter("now", AppClock.now())
                .executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object> moved = em.createNativeQuery("""
                UPDATE checklist_item c SET in_scope = s.now_in,
                       out_of_scope_since = CASE WHEN s.now_in THEN NULL ELSE CAST(:now AS timestamptz) END, version = c.version + 1
                FROM (SELECT c2.id, EXISTS (SELECT 1 FROM scope_row r
                             JOIN scope_row_event e ON e.workspace_id = r.workspace_id AND e.scope_row_id = r.id
                             WHERE r.workspace_id = c2.workspace_id AND r.project_id = c2.project_id
                               AND r.direction = c2.direction AND e.event_id = c2.event_id) AS now_in
                      FROM checklist_item c2 WHERE c2.workspace_id = :ws AND c2.project_id = :project) s
                WHERE c.workspace_id = :ws AND c.id = s.id AND c.in_scope <> s.now_in
                RETURNING c.in_scope
                """).setParameter("ws", workspaceId).setParameter("project", project.id).setParameter("now", AppClock.now())
                .getResultList();
        int restored = (int) moved.stream().filter(Boolean.TRUE::equals).count();
        Changes changes = new Changes(added, moved.size() - restored, restored);
        if (changes.any()) {
            boolean first = added > 0 && moved.isEmpty() && ((Number) em.createNativeQuery("SELECT count(*) FROM checklist_item"
                    + " WHERE workspace_id = :ws AND project_id = :project").setParameter("ws", workspaceId)
                    .setParameter("project", project.id).getSingleResult()).intValue() == added;
            TestingActivity.record(project, ACTOR, first
                    ? "Functional checklist made from the scope: " + added + (added == 1 ? " item." : " items.")
                    : "The scope changed: " + describe(changes) + ".");
        }
        return changes;
    }

    static String describe(Changes c) {
        List<String> parts = new java.util.ArrayList<>();
        if (c.added() > 0) {
            parts.add(c.added() + (c.added() == 1 ? " checklist item added" : " checklist items added"));
        }
        if (c.removed() > 0) {
            parts.add(c.removed() + (c.removed() == 1 ? " item" : " items") + " marked out of scope (results kept)");
        }
        if (c.restored() > 0) {
            parts.add(c.restored() + (c.restored() == 1 ? " item" : " items") + " back in scope");
        }
        return String.join(", ", parts);
    }
}
