package dev.siteready.testing;

import io.quarkus.hibernate.orm.panache.Panache;

import java.util.UUID;

/**
 * The version of a project's scope that a sign-off refers to: a short fingerprint of what the scope says (data
 * models, directions, connection methods, event types, requirements, workflow names), 12 hex characters of an md5
 * over its parts, each prefixed with its length so no text can pose as a separator. Any change gives a new
 * version; undoing it gives the old one back. Volumes and descriptions are not part of it.
 */
public final class ScopeVersion {

    private ScopeVersion() {
    }

    public static String of(UUID workspaceId, UUID projectId) {
        Object fingerprint = Panache.getEntityManager().createNativeQuery("""
                SELECT substr(md5(coalesce(string_agg(length(x) || ':' || x, '|' ORDER BY x), '')), 1, 12) FROM (
                    SELECT 'row:' || r.data_model_id || ':' || r.direction || ':' || r.connection_method || ':'
                           || coalesce((SELECT string_agg(e.event_id::text, ',' ORDER BY e.event_id) FROM scope_row_event e
                                        WHERE e.workspace_id = r.workspace_id AND e.scope_row_id = r.id), '') AS x
                      FROM scope_row r WHERE r.workspace_id = :ws AND r.project_id = :project
                    UNION ALL
                    SELECT 'req:' || q.kind || ':' || coalesce(q.data_model_id::text, '') || ':' || coalesce(q.field_id::text, '')
                           || ':' || coalesce(q.code, '')
                      FROM scope_requirement q WHERE q.workspace_id = :ws AND q.project_id = :project
                    UNION ALL
                    SELECT 'workflow:' || w.name FROM workflow w WHERE w.workspace_id = :ws AND w.project_id = :project
                ) parts
                """).setParameter("ws", workspaceId).setParameter("project", projectId).getSingleResult();
        return fingerprint.toString();
    }
}
