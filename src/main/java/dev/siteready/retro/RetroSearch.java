package dev.siteready.retro;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.Query;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Retrospective items across the workspace's projects: PostgreSQL full-text search (English stemming, so "mappings"
 * finds "mapping") over each item's title and notes, or the site's name and EHR vendor; filters by tag, site and the
 * retrospective's date. One query per page, with the total.
 */
final class RetroSearch {

    public static final int MAX_QUERY = 200;

    /** What to look for; blank values do not filter. */
    public record Filter(String q, String tag, UUID site, LocalDate from, LocalDate to) {
        public Filter {
            q = q == null ? "" : q.strip();
            tag = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
        }

        public boolean any() {
            return !q.isEmpty() || !tag.isEmpty() || site != null || from != null || to != null;
        }
    }

    /** One matching item with where it comes from; textMatch: its own words matched (not only its site's name or vendor). */
    public record Hit(UUID id, RetroItem.Section section, String title, String notes, List<String> tags, String linkKind,
            String linkLabel, String author, boolean fromPartner, OffsetDateTime createdAt, UUID retrospectiveId, LocalDate held,
            UUID projectId, String project, UUID siteId, String site, String ehrVendor, boolean textMatch) {
        public String retrospectiveLink() {
            return "/sites/" + siteId + "/projects/" + projectId + "/retrospective";
        }
    }

    public record Result(List<Hit> hits, long total) {
    }

    private RetroSearch() {
    }

    @SuppressWarnings("unchecked")
    public static Result find(UUID workspaceId, Filter filter, int offset, int limit) {
        Query query = Panache.getEntityManager().createNativeQuery(sql(filter))
                .setParameter("ws", workspaceId).setParameter("limit", limit).setParameter("offset", offset);
        if (!filter.q().isEmpty()) {
            query.setParameter("q", filter.q());
        }
        if (!filter.tag().isEmpty()) {
            query.setParameter("tag", filter.tag());
        }
        if (filter.site() != null) {
            query.setParameter("site", filter.site());
        }
        if (filter.from() != null) {
            query.setParameter("from", filter.from());
        }
        if (filter.to() != null) {
            query.setParameter("to", filter.to());
        }
        List<Object[]> rows = query.getResultList();
        List<Hit> hits = new ArrayList<>();
        for (Object[] r : rows) {
            hits.add(new Hit((UUID) r[0], RetroItem.Section.valueOf((String) r[1]), (String) r[2], (String) r[3],
                    r[4] == null ? List.of() : List.of((String[]) r[4]), (String) r[5], (String) r[6], (String) r[7], (Boolean) r[8],
                    toOffset(r[9]), (UUID) r[10], (LocalDate) r[11], (UUID) r[12], (String) r[13], (UUID) r[14], (String) r[15],
                    (String) r[16], Boolean.TRUE.equals(r[18])));
        }
        return new Result(hits, rows.isEmpty() ? total(workspaceId, filter, offset) : ((Number) rows.get(0)[17]).longValue());
    }

    private static String sql(Filter filter) {
        StringBuilder sql = new StringBuilder("""
                SELECT i.id, i.section, i.title, i.notes, i.tags, i.link_kind, i.link_label, i.author,
                       i.partner_link_id IS NOT NULL, i.created_at, r.id, coalesce(r.held_on, CAST(r.created_at AS date)),
                       p.id, p.name, s.id, s.name, s.ehr_vendor, count(*) OVER (), %s
                FROM retro_item i
                JOIN retrospective r ON r.workspace_id = i.workspace_id AND r.id = i.retrospective_id
                JOIN project p ON p.workspace_id = r.workspace_id AND p.id = r.project_id
                JOIN site s ON s.workspace_id = p.workspace_id AND s.id = p.site_id
                WHERE i.workspace_id = :ws
                """.formatted(filter.q().isEmpty() ? "true" : "i.search @@ websearch_to_tsquery('english', :q)"));
        if (!filter.q().isEmpty()) {
            // Two arms, not an OR: the first can use the (workspace_id, search) GIN index, the second reads the
            // workspace's sites (far fewer rows than items) and takes their retrospectives' items.
            sql.append("""
                     AND i.id IN (
                       SELECT t.id FROM retro_item t
                       WHERE t.workspace_id = :ws AND t.search @@ websearch_to_tsquery('english', :q)
                       UNION ALL
                       SELECT t.id FROM site s2
                       JOIN project p2 ON p2.workspace_id = s2.workspace_id AND p2.site_id = s2.id
                       JOIN retrospective r2 ON r2.workspace_id = p2.workspace_id AND r2.project_id = p2.id
                       JOIN retro_item t ON t.workspace_id = r2.workspace_id AND t.retrospective_id = r2.id
                       WHERE s2.workspace_id = :ws
                         AND to_tsvector('simple', s2.name || ' ' || s2.ehr_vendor) @@ websearch_to_tsquery('simple', :q))
                    """);
        }
        if (!filter.tag().isEmpty()) {
            sql.append(" AND i.tags @> CAST(ARRAY[:tag] AS text[])\n");
        }
        if (filter.site() != null) {
            sql.append(" AND s.id = :site\n");
        }
        if (filter.from() != null) {
            sql.append(" AND coalesce(r.held_on, CAST(r.created_at AS date)) >= :from\n");
        }
        if (filter.to() != null) {
            sql.append(" AND coalesce(r.held_on, CAST(r.created_at AS date)) <= :to\n");
        }
        sql.append(filter.q().isEmpty() ? " ORDER BY 12 DESC, lower(s.name), i.created_at, i.id"
                : " ORDER BY ts_rank(i.search, websearch_to_tsquery('english', :q)) DESC, 12 DESC, i.created_at, i.id");
        return sql.append(" LIMIT :limit OFFSET :offset").toString();
    }

    /** A page past the end has no rows to carry the total; it is then only needed to say how many there are. */
    private static long total(UUID workspaceId, Filter filter, int offset) {
        return offset == 0 ? 0 : find(workspaceId, filter, 0, 1).total();
    }

    /** A tag and on how many items it is. */
    public record TagUse(String tag, long items) {
    }

    /** The workspace's most used tags, most used first. */
    @SuppressWarnings("unchecked")
    public static List<TagUse> frequentTags(UUID workspaceId, int limit) {
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                SELECT t.tag, count(*) FROM retro_item i CROSS JOIN LATERAL unnest(i.tags) AS t(tag)
                WHERE i.workspace_id = :ws GROUP BY t.tag ORDER BY count(*) DESC, t.tag LIMIT :limit
                """).setParameter("ws", workspaceId).setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new TagUse((String) r[0], ((Number) r[1]).longValue())).toList();
    }

    /** A retrospective as the review lists it; total: how many the workspace has (the list stops at its limit). */
    public record Listed(UUID siteId, String site, UUID projectId, String project, LocalDate held, long items, long openActions,
            long total) {
        public String link() {
            return "/sites/" + siteId + "/projects/" + projectId + "/retrospective";
        }
    }

    /** The workspace's retrospectives, latest first, with their numbers of items and open action items. */
    @SuppressWarnings("unchecked")
    public static List<Listed> retrospectives(UUID workspaceId, int limit) {
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                SELECT s.id, s.name, p.id, p.name, coalesce(r.held_on, CAST(r.created_at AS date)),
                       (SELECT count(*) FROM retro_item i WHERE i.workspace_id = r.workspace_id AND i.retrospective_id = r.id),
                       (SELECT count(*) FROM retro_action a WHERE a.workspace_id = r.workspace_id AND a.retrospective_id = r.id
                          AND a.status = 'OPEN'),
                       r.id, count(*) OVER ()
                FROM retrospective r
                JOIN project p ON p.workspace_id = r.workspace_id AND p.id = r.project_id
                JOIN site s ON s.workspace_id = p.workspace_id AND s.id = p.site_id
                WHERE r.workspace_id = :ws
                ORDER BY 5 DESC, lower(s.name), p.id LIMIT :limit
                """).setParameter("ws", workspaceId).setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new Listed((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3], (LocalDate) r[4],
                ((Number) r[5]).longValue(), ((Number) r[6]).longValue(), ((Number) r[8]).longValue())).toList();
    }

    /** The sites that have a retrospective, by name: id and name. */
    @SuppressWarnings("unchecked")
    public static List<Object[]> sitesWithRetrospectives(UUID workspaceId) {
        return Panache.getEntityManager().createNativeQuery("""
                SELECT DISTINCT s.id, s.name, lower(s.name) FROM retrospective r
                JOIN project p ON p.workspace_id = r.workspace_id AND p.id = r.project_id
                JOIN site s ON s.workspace_id = p.workspace_id AND s.id = p.site_id
                WHERE r.workspace_id = :ws ORDER BY lower(s.name)
                """).setParameter("ws", workspaceId).getResultList();
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return null;
    }
}
