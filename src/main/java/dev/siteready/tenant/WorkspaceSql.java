package dev.siteready.tenant;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.Query;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Plain SQL reads of the request's workspace, for pages read on every view. Hibernate translates a query again on
 * every call while the tenant filter is on (docs/performance.md), so the hottest reads are SQL that names the
 * workspace itself: every statement given here must compare {@code workspace_id} with {@code :ws}, which is bound
 * here from the request's workspace, never from input. Row level security checks the same again in PostgreSQL.
 */
public final class WorkspaceSql {

    private static final Pattern NAMES_WORKSPACE = Pattern.compile("\\bworkspace_id\\s*=\\s*:ws\\b");

    private WorkspaceSql() {
    }

    /** A native query with {@code :ws} bound to the request's workspace. */
    public static Query query(String sql) {
        return Panache.getEntityManager().createNativeQuery(checked(sql)).setParameter("ws", workspaceId());
    }

    /**
     * A native query with {@code :ws} bound whose rows are entities of that class, each column read by the entity's
     * mapping: managed entities without Hibernate's per-call translation. To-one associations resolve to entities
     * already in the session, else to lazy proxies, so the caller reads the rows they point to first.
     */
    public static Query entities(String sql, Class<?> entity) {
        return Panache.getEntityManager().createNativeQuery(checked(sql), entity).setParameter("ws", workspaceId());
    }

    private static String checked(String sql) {
        if (!NAMES_WORKSPACE.matcher(sql).find()) {
            throw new IllegalArgumentException("SQL of a workspace must compare workspace_id with :ws: " + sql);
        }
        return sql;
    }

    /** The entities of a query made by {@link #entities}. */
    @SuppressWarnings("unchecked")
    public static <T> List<T> list(Query query, Class<T> entity) {
        return (List<T>) query.getResultList();
    }

    /** The request's workspace, which every statement here is bound to. */
    public static UUID workspaceId() {
        return TenantContext.current().orElseThrow(() -> new IllegalStateException("No workspace in this request"));
    }

    /** The rows of a native query of the request's workspace. */
    @SuppressWarnings("unchecked")
    public static List<Object[]> rows(Query query) {
        return query.getResultList();
    }

    /** A date column of a native row (Hibernate may hand it over as java.sql.Date). */
    public static java.time.LocalDate date(Object column) {
        return column == null ? null : column instanceof java.sql.Date d ? d.toLocalDate() : (java.time.LocalDate) column;
    }
}
