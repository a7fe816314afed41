package dev.siteready.hub;

import dev.siteready.site.SiteStatus;
import dev.siteready.tenant.WorkspaceSql;


import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The site list: search, status filter, sort and pages, in two queries (count and page) whatever the
 * number of sites; project counts and volumes come from subqueries in the same statement.
 */
final class SiteList {

    public static final int PAGE_SIZE = 25;
    /** Far beyond any real list; keeps the row offset a small int. */
    static final int MAX_PAGE = 100_000;

    /** Sort keys offered in the UI and the API, to their ORDER BY. */
    static final Map<String, String> SORTS = Map.of(
            "name", "lower(s.name) asc, s.id",
            "-name", "lower(s.name) desc, s.id",
            "vendor", "lower(s.ehr_vendor) asc, lower(s.name), s.id",
            "status", "s.status asc, lower(s.name), s.id",
            "created", "s.created_at desc, s.id");

    public record Row(UUID id, String name, String ehrVendor, SiteStatus status, String timeZone, long projects,
            long messagesPerDay) {
    }

    public record Query(String q, SiteStatus status, String sort, int page) {
        public Query {
            // Control characters (PostgreSQL refuses NUL even as a parameter) are dropped; searches are short.
            q = q == null ? "" : q.replaceAll("\\p{Cntrl}", "").trim();
            q = q.length() > 160 ? q.substring(0, 160) : q;
            sort = sort == null || !SORTS.containsKey(sort) ? "name" : sort;
            page = Math.min(Math.max(page, 1), MAX_PAGE);
        }
    }

    public record Result(List<Row> rows, long total, Query query) implements dev.siteready.web.Paged {
        @Override
        public int page() {
            return query.page();
        }

        @Override
        public int pageSize() {
            return PAGE_SIZE;
        }

        /** The list with the same search, filter and sort, on another page. */
        @Override
        public String link(int page) {
            return "/sites?q=" + java.net.URLEncoder.encode(query.q(), java.nio.charset.StandardCharsets.UTF_8)
                    + "&status=" + (query.status() == null ? "" : query.status().name()) + "&sort=" + query.sort()
                    + "&page=" + page;
        }
    }

    private SiteList() {
    }

    /**
     * One statement for the page and the total; a second one, the count alone, only for a page past the end. Plain
     * SQL naming the workspace (row level security checks it again): a query Hibernate translated would be translated
     * again on every call while the tenant filter is on. The total is an uncorrelated subquery (PostgreSQL runs it
     * once), not a window count, which would read every site of the workspace into the window before the first row.
     * LIMIT and OFFSET are numbers in the SQL (the page is a clamped int, never text), so that PostgreSQL can keep one
     * generic plan per page number instead of planning again on every call, as it does when a parameter decides how
     * many rows are read (docs/performance.md).
     */
    public static Result find(Query query) {
        String page = "SELECT s.id, s.name, s.ehr_vendor, s.status, s.time_zone,"
                + " (SELECT count(*) FROM project p WHERE p.workspace_id = s.workspace_id AND p.site_id = s.id),"
                + " (SELECT coalesce(sum(r.messages_per_day), 0) FROM scope_row r JOIN project p ON p.workspace_id = r.workspace_id"
                + " AND p.id = r.project_id WHERE r.workspace_id = s.workspace_id AND p.site_id = s.id),"
                + " (SELECT count(*)" + from("c", query) + ")" + from("s", query) + " ORDER BY " + SORTS.get(query.sort())
                + " LIMIT " + PAGE_SIZE + " OFFSET " + (query.page() - 1) * PAGE_SIZE;
        jakarta.persistence.Query pageQuery = bind(WorkspaceSql.query(page), query);
        jakarta.persistence.Query count = bind(WorkspaceSql.query("SELECT count(*)" + from("s", query)), query);
        List<Object[]> found = WorkspaceSql.rows(pageQuery);
        List<Row> rows = found.stream().map(r -> new Row((UUID) r[0], (String) r[1], (String) r[2], SiteStatus.valueOf((String) r[3]),
                (String) r[4], ((Number) r[5]).longValue(), ((Number) r[6]).longValue())).toList();
        long total = found.isEmpty() ? ((Number) count.getSingleResult()).longValue() : ((Number) found.get(0)[7]).longValue();
        return new Result(rows, total, query);
    }

    /** FROM and WHERE of the sites the query selects, under the given alias. */
    private static String from(String alias, Query query) {
        String a = alias + ".";
        return " FROM site " + alias + " WHERE " + a + "workspace_id = :ws"
                + (query.q().isEmpty() ? "" : " AND (lower(" + a + "name) LIKE :q ESCAPE '\\' OR lower(" + a + "ehr_vendor) LIKE :q ESCAPE '\\')")
                + (query.status() == null ? "" : " AND " + a + "status = :status");
    }

    /** Binds the search and the status filter a statement of {@link #find} names. */
    private static jakarta.persistence.Query bind(jakarta.persistence.Query sql, Query query) {
        if (!query.q().isEmpty()) {
            sql.setParameter("q", "%" + query.q().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        if (query.status() != null) {
            sql.setParameter("status", query.status().name());
        }
        return sql;
    }
}
