package dev.siteready.hub;

import dev.siteready.site.SiteStatus;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.TypedQuery;

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
            "vendor", "lower(s.ehrVendor) asc, lower(s.name), s.id",
            "status", "s.status asc, lower(s.name), s.id",
            "created", "s.createdAt desc, s.id");

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

    public static Result find(Query query) {
        StringBuilder where = new StringBuilder(" from Site s where 1 = 1");
        if (!query.q().isEmpty()) {
            where.append(" and (lower(s.name) like :q escape '\\' or lower(s.ehrVendor) like :q escape '\\')");
        }
        if (query.status() != null) {
            where.append(" and s.status = :status");
        }
        var em = Panache.getEntityManager();
        TypedQuery<Long> count = em.createQuery("select count(s)" + where, Long.class);
        String orderBy = SORTS.get(query.sort());
        TypedQuery<Row> page = em.createQuery("select new dev.siteready.hub.SiteList$Row(s.id, s.name, s.ehrVendor,"
                + " s.status, s.timeZone,"
                + " (select count(p) from Project p where p.site = s),"
                + " (select coalesce(sum(r.messagesPerDay), 0L) from ScopeRow r where r.project.site = s))"
                + where + " order by " + orderBy, Row.class);
        if (!query.q().isEmpty()) {
            String like = "%" + query.q().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            count.setParameter("q", like);
            page.setParameter("q", like);
        }
        if (query.status() != null) {
            count.setParameter("status", query.status());
            page.setParameter("status", query.status());
        }
        long total = count.getSingleResult();
        List<Row> rows = page.setFirstResult((query.page() - 1) * PAGE_SIZE).setMaxResults(PAGE_SIZE).getResultList();
        return new Result(rows, total, query);
    }
}
