package dev.siteready.feasibility;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.siteready.scoping.QuestionnaireView.Progress;
import dev.siteready.site.SiteStatus;
import dev.siteready.testing.CurrentPhase;
import dev.siteready.time.AppClock;
import dev.siteready.tenant.WorkspaceSql;
import dev.siteready.web.Paged;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every site with its verdict, completion, go-live date and volume: filtered, sorted and paged in the
 * database from the per-site rollup (site_feasibility), after refreshing the rollups whose inputs changed.
 * With nothing to refresh a page costs three statements whatever the number of sites (four with a status or
 * vendor filter).
 */
public final class Portfolio {

    public static final int PAGE_SIZE = 25;
    /** Vendors offered in the filter, in name order. */
    static final int MAX_VENDORS = 200;
    /** Sites refreshed per batch of queries, so the IN lists stay a sensible size. */
    static final int REFRESH_BATCH = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Sort keys offered in the UI, to their ORDER BY over site_feasibility f joined with site s. The default (verdict:
     * most severe first, then name) is read in index order (site_feasibility_order_idx); every order ends with the
     * site's lower-case name and id, kept in site_feasibility by the database (V11).
     */
    static final Map<String, String> SORTS = Map.of(
            "name", "f.name_key, f.site_id",
            "verdict", "f.verdict_rank, f.name_key, f.site_id",
            "completion", "CASE WHEN f.questions > 0 THEN f.answered::float / f.questions ELSE 0 END, f.name_key, f.site_id",
            "golive", "f.go_live NULLS LAST, f.name_key, f.site_id",
            "volume", "f.messages_per_day DESC NULLS LAST, f.name_key, f.site_id",
            "status", "s.status, f.name_key, f.site_id");

    public record Query(Verdict verdict, SiteStatus status, String vendor, String sort, int page) {
        public Query {
            vendor = vendor == null ? "" : vendor.replaceAll("\\p{Cntrl}", "").trim();
            vendor = vendor.length() > 80 ? vendor.substring(0, 80) : vendor;
            sort = sort == null || !SORTS.containsKey(sort) ? "verdict" : sort;
            page = Math.min(Math.max(page, 1), 100_000);
        }
    }

    /**
     * A site as the portfolio lists it; goLive and goLiveNote as {@link dev.siteready.testing.GoLive} defines them, the
     * phase its least advanced project's ("—" without projects).
     */
    public record Row(UUID id, String name, String ehrVendor, SiteStatus status, Verdict verdict, int answered, int questions,
            int openQuestions, int workItems, String goLive, String goLiveNote, long messagesPerDay, String phase,
            String phaseClass) {
        public int percent() {
            return new Progress(answered, questions).percent();
        }
    }

    /** One bar of the verdict chart: its count, link and geometry (computed here, drawn by the template). */
    public record Bar(Verdict verdict, long sites, String link, int y, int width) {
    }

    /** A page of the portfolio; {@code updating}: sites whose rollup another request is recomputing right now. */
    public record Result(List<Row> rows, long total, Query query, List<Bar> bars, List<String> vendors, int updating)
            implements Paged {
        @Override
        public int page() {
            return query.page();
        }

        @Override
        public int pageSize() {
            return PAGE_SIZE;
        }

        @Override
        public String link(int page) {
            return Portfolio.link(query.verdict(), query.status(), query.vendor(), query.sort(), page);
        }

        public String sortLink(String sort) {
            return Portfolio.link(query.verdict(), query.status(), query.vendor(), sort, 1);
        }
    }

    private Portfolio() {
    }

    /** The home page with these filters (only those set), sort and page. */
    static String link(Verdict verdict, SiteStatus status, String vendor, String sort, int page) {
        return "/?" + (verdict == null ? "" : "verdict=" + verdict.name() + "&") + (status == null ? "" : "status=" + status.name() + "&")
                + (vendor.isEmpty() ? "" : "vendor=" + URLEncoder.encode(vendor, StandardCharsets.UTF_8) + "&")
                + "sort=" + sort + "&page=" + page + "#portfolio";
    }

    /**
     * The page in two statements after the refresh: the workspace's counts (sites per verdict and the vendors for the
     * filter: sums of the changes that triggers write to workspace_count, V12) and the page (in index order for the
     * default sort). A status or vendor filter adds a third, the verdict counts of the filtered sites; filters join only
     * what they need. LIMIT and OFFSET are numbers in the SQL (the page is a clamped int), so that PostgreSQL keeps a
     * generic plan instead of planning on every call (see SiteList).
     */
    public static Result find(UUID workspaceId, Query query) {
        int updating = refreshStale(workspaceId);
        boolean siteFilters = query.status() != null || !query.vendor().isEmpty();
        String filters = " WHERE f.workspace_id = :ws" + (query.status() == null ? "" : " AND s.status = :status")
                + (query.vendor().isEmpty() ? "" : " AND lower(s.ehr_vendor) = lower(:vendor)");
        String joined = " FROM site_feasibility f JOIN site s ON s.workspace_id = f.workspace_id AND s.id = f.site_id";
        List<Object[]> verdicts = new ArrayList<>();
        List<String> vendors = new ArrayList<>();
        for (Object[] r : WorkspaceSql.rows(WorkspaceSql.query("SELECT c.kind, c.key, sum(c.n) FROM workspace_count c"
                + " WHERE c.workspace_id = :ws AND c.kind IN ('verdict', 'vendor') GROUP BY c.kind, c.key"
                + " HAVING c.kind = 'verdict' OR sum(c.n) > 0 AND c.key <> '' ORDER BY c.kind, c.key"))) {
            if ("verdict".equals(r[0])) {
                verdicts.add(new Object[] {r[1], r[2]});
            } else if (vendors.size() < MAX_VENDORS) {
                vendors.add((String) r[1]);
            }
        }
        if (siteFilters) {
            verdicts = WorkspaceSql.rows(bind(WorkspaceSql.query("SELECT f.verdict, count(*)" + joined + filters
                    + " GROUP BY f.verdict"), query));
        }
        Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
        long all = 0;
        for (Object[] r : verdicts) {
            long n = ((Number) r[1]).longValue();
            all += n;
            Verdict v = Verdict.parse((String) r[0]);
            if (v != null) {
                counts.merge(v, n, Long::sum);
            }
        }
        long total = query.verdict() == null ? all : counts.getOrDefault(query.verdict(), 0L);
        jakarta.persistence.Query page = bind(WorkspaceSql.query("SELECT s.id, s.name, s.ehr_vendor, s.status, f.verdict,"
                + " f.answered, f.questions, f.open_questions, f.work_items, f.go_live, f.go_live_note, f.messages_per_day, f.phase"
                + joined + filters + (query.verdict() == null ? "" : " AND f.verdict = :verdict") + " ORDER BY "
                + SORTS.get(query.sort()) + " LIMIT " + PAGE_SIZE + " OFFSET " + (query.page() - 1) * PAGE_SIZE), query);
        if (query.verdict() != null) {
            page.setParameter("verdict", query.verdict().name());
        }
        List<Row> rows = WorkspaceSql.rows(page).stream().map(r -> {
            CurrentPhase phase = CurrentPhase.parse((String) r[12]);
            return new Row((UUID) r[0], (String) r[1], (String) r[2], SiteStatus.valueOf((String) r[3]),
                    Verdict.parse((String) r[4]), number(r[5]), number(r[6]), number(r[7]), number(r[8]),
                    r[9] == null ? "" : r[9].toString(), r[10] == null ? "" : (String) r[10],
                    r[11] == null ? 0 : ((Number) r[11]).longValue(), phase == null ? "—" : phase.label(),
                    phase == null ? "" : phase.cssClass());
        }).toList();
        return new Result(rows, total, query, bars(counts, query), vendors, updating);
    }

    /** Binds the status and vendor filters a statement of {@link #find} names. */
    private static jakarta.persistence.Query bind(jakarta.persistence.Query sql, Query query) {
        if (query.status() != null) {
            sql.setParameter("status", query.status().name());
        }
        if (!query.vendor().isEmpty()) {
            sql.setParameter("vendor", query.vendor());
        }
        return sql;
    }

    private static List<Bar> bars(Map<Verdict, Long> counts, Query query) {
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        int i = 0;
        for (Verdict v : Verdict.values()) {
            long n = counts.getOrDefault(v, 0L);
            int width = max == 0 ? 0 : (int) Math.round(n * 240.0 / max);
            bars.add(new Bar(v, n, link(v, query.status(), query.vendor(), query.sort(), 1), i++ * 28, n > 0 ? Math.max(width, 2) : 0));
        }
        return bars;
    }

    private static int number(Object o) {
        return o == null ? 0 : ((Number) o).intValue();
    }

    /**
     * Recomputes the rollups of sites whose inputs changed since they were computed, a batch at a time, each
     * batch in a short transaction of its own. A result is stored only if no change arrived after its inputs
     * were read. Returns how many sites were left stale because another request is refreshing them.
     */
    static int refreshStale(UUID workspaceId) {
        List<Object[]> stale = stale(workspaceId);
        if (stale.isEmpty()) {
            return 0;
        }
        // One request per workspace refreshes; people opening the home page meanwhile see the rollups as they
        // are (with a note) instead of all recomputing the same sites or queueing behind each other.
        Boolean mine = (Boolean) Panache.getEntityManager()
                .createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtextextended('site_feasibility:' || cast(:ws as text), 0))")
                .setParameter("ws", workspaceId.toString()).getSingleResult();
        if (!Boolean.TRUE.equals(mine)) {
            return stale.size();
        }
        for (int from = 0; from < stale.size(); from += REFRESH_BATCH) {
            List<Object[]> batch = stale.subList(from, Math.min(stale.size(), from + REFRESH_BATCH));
            QuarkusTransaction.requiringNew().run(() -> refresh(workspaceId, batch));
        }
        return 0;
    }

    private static void refresh(UUID workspaceId, List<Object[]> batch) {
        Map<UUID, String> names = new LinkedHashMap<>();
        Map<UUID, Object[]> heads = new LinkedHashMap<>();
        batch.forEach(r -> {
            names.put((UUID) r[0], (String) r[1]);
            heads.put((UUID) r[0], r);
        });
        ArrayNode rows = JSON.createArrayNode();
        OffsetDateTime now = AppClock.now();
        FeasibilityInputs.load(names).forEach((siteId, projects) -> {
            Object[] head = heads.get(siteId);
            rows.add(rollup(siteId, ((Number) head[3]).longValue(),
                    FeasibilityReport.of(siteId, (String) head[1], (String) head[2], (String) head[4], projects, now),
                    CurrentPhase.leastAdvanced(projects.stream().map(p -> p.testing().phase()).toList())));
        });
        store(workspaceId, rows);
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> stale(UUID workspaceId) {
        return Panache.getEntityManager().createNativeQuery("SELECT s.id, s.name, s.ehr_vendor, f.inputs_version, s.time_zone"
                + " FROM site s JOIN site_feasibility f ON f.workspace_id = s.workspace_id AND f.site_id = s.id"
                + " WHERE s.workspace_id = :ws AND f.computed_version < f.inputs_version ORDER BY s.id")
                .setParameter("ws", workspaceId).getResultList();
    }

    static ObjectNode rollup(UUID siteId, long inputsVersion, FeasibilityReport report, CurrentPhase phase) {
        ObjectNode row = JSON.createObjectNode();
        FeasibilityReport.EffortRollup effort = report.effort();
        row.put("site_id", siteId.toString());
        row.put("inputs_version", inputsVersion);
        row.put("verdict", report.verdict().name());
        row.put("answered", report.answered());
        row.put("questions", report.questions());
        row.put("open_questions", report.followUps().size());
        row.put("work_items", report.workItems().size());
        row.put("effort_s", effort.small());
        row.put("effort_m", effort.medium());
        row.put("effort_l", effort.large());
        row.put("go_live", report.goLive().isEmpty() ? null : report.goLive());
        row.put("go_live_note", report.goLiveNote());
        row.put("phase", phase == null ? null : phase.code());
        row.put("messages_per_day", report.messagesPerDay());
        return row;
    }

    static void store(UUID workspaceId, ArrayNode rows) {
        String json;
        try {
            json = JSON.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Panache.getEntityManager().createNativeQuery("""
                UPDATE site_feasibility f SET computed_version = r.inputs_version, verdict = r.verdict, answered = r.answered,
                    questions = r.questions, open_questions = r.open_questions, work_items = r.work_items, effort_s = r.effort_s,
                    effort_m = r.effort_m, effort_l = r.effort_l, go_live = r.go_live, go_live_note = r.go_live_note, phase = r.phase,
                    messages_per_day = r.messages_per_day,
                    computed_at = CAST(:now AS timestamptz)
                FROM (SELECT * FROM jsonb_to_recordset(cast(:rows as jsonb)) AS x(site_id uuid, inputs_version bigint, verdict text,
                    answered int, questions int, open_questions int, work_items int, effort_s int, effort_m int, effort_l int,
                    go_live date, go_live_note text, phase text, messages_per_day bigint)) r
                WHERE f.workspace_id = cast(:ws as uuid) AND f.site_id = r.site_id AND f.inputs_version = r.inputs_version
                """).setParameter("ws", workspaceId.toString()).setParameter("rows", json).setParameter("now", AppClock.now())
                .executeUpdate();
    }
}
