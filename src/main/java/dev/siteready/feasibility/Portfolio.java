package dev.siteready.feasibility;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.siteready.scoping.QuestionnaireView.Progress;
import dev.siteready.site.SiteStatus;
import dev.siteready.testing.CurrentPhase;
import dev.siteready.time.AppClock;
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
 * With nothing to refresh a page costs four statements whatever the number of sites.
 */
public final class Portfolio {

    public static final int PAGE_SIZE = 25;
    /** Sites refreshed per batch of queries, so the IN lists stay a sensible size. */
    static final int REFRESH_BATCH = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Sort keys offered in the UI, to their ORDER BY (verdict: most severe first). */
    static final Map<String, String> SORTS = Map.of(
            "name", "lower(s.name), s.id",
            "verdict", "CASE f.verdict WHEN 'BLOCKED' THEN 0 WHEN 'AT_RISK' THEN 1 WHEN 'INCOMPLETE' THEN 2"
                    + " WHEN 'FEASIBLE_WITH_WORK' THEN 3 WHEN 'READY' THEN 4 ELSE 5 END, lower(s.name), s.id",
            "completion", "CASE WHEN f.questions > 0 THEN f.answered::float / f.questions ELSE 0 END, lower(s.name), s.id",
            "golive", "f.go_live NULLS LAST, lower(s.name), s.id",
            "volume", "f.messages_per_day DESC NULLS LAST, lower(s.name), s.id",
            "status", "s.status, lower(s.name), s.id");

    public record Query(Verdict verdict, SiteStatus status, String vendor, String sort, int page) {
        public Query {
            vendor = vendor == null ? "" : vendor.replaceAll("\\p{Cntrl}", "").trim();
            vendor = vendor.length() > 80 ? vendor.substring(0, 80) : vendor;
            sort = sort == null || !SORTS.containsKey(sort) ? "verdict" : sort;
            page = Math.min(Math.max(page, 1), 100_000);
        }

        public String verdictName() {
            return verdict == null ? "" : verdict.name();
        }

        public String statusName() {
            return status == null ? "" : status.name();
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

    static String link(Verdict verdict, SiteStatus status, String vendor, String sort, int page) {
        return "/?verdict=" + (verdict == null ? "" : verdict.name()) + "&status=" + (status == null ? "" : status.name())
                + "&vendor=" + URLEncoder.encode(vendor, StandardCharsets.UTF_8) + "&sort=" + sort + "&page=" + page
                + "#portfolio";
    }

    public static Result find(UUID workspaceId, Query query) {
        int updating = refreshStale(workspaceId);
        var em = Panache.getEntityManager();
        String filters = " FROM site s LEFT JOIN site_feasibility f ON f.workspace_id = s.workspace_id AND f.site_id = s.id"
                + " WHERE s.workspace_id = :ws AND (:status = '' OR s.status = :status)"
                + " AND (:vendor = '' OR lower(s.ehr_vendor) = lower(:vendor))";
        Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
        @SuppressWarnings("unchecked")
        List<Object[]> grouped = em.createNativeQuery("SELECT f.verdict, count(*)" + filters + " GROUP BY f.verdict")
                .setParameter("ws", workspaceId).setParameter("status", query.statusName()).setParameter("vendor", query.vendor())
                .getResultList();
        long all = 0;
        for (Object[] r : grouped) {
            long n = ((Number) r[1]).longValue();
            all += n;
            Verdict v = Verdict.parse((String) r[0]);
            if (v != null) {
                counts.merge(v, n, Long::sum);
            }
        }
        long total = query.verdict() == null ? all : counts.getOrDefault(query.verdict(), 0L);
        @SuppressWarnings("unchecked")
        List<Object[]> page = em.createNativeQuery("SELECT s.id, s.name, s.ehr_vendor, s.status, f.verdict, f.answered, f.questions,"
                + " f.open_questions, f.work_items, f.go_live, f.go_live_note, f.messages_per_day, f.phase" + filters
                + " AND (:verdict = '' OR f.verdict = :verdict) ORDER BY " + SORTS.get(query.sort()) + " LIMIT :limit OFFSET :offset")
                .setParameter("ws", workspaceId).setParameter("status", query.statusName()).setParameter("vendor", query.vendor())
                .setParameter("verdict", query.verdictName()).setParameter("limit", PAGE_SIZE)
                .setParameter("offset", (query.page() - 1) * PAGE_SIZE).getResultList();
        List<Row> rows = page.stream().map(r -> {
            CurrentPhase phase = CurrentPhase.parse((String) r[12]);
            return new Row((UUID) r[0], (String) r[1], (String) r[2], SiteStatus.valueOf((String) r[3]),
                    Verdict.parse((String) r[4]), number(r[5]), number(r[6]), number(r[7]), number(r[8]),
                    r[9] == null ? "" : r[9].toString(), r[10] == null ? "" : (String) r[10],
                    r[11] == null ? 0 : ((Number) r[11]).longValue(), phase == null ? "—" : phase.label(),
                    phase == null ? "" : phase.cssClass());
        }).toList();
        @SuppressWarnings("unchecked")
        List<String> vendors = em.createNativeQuery("SELECT DISTINCT s.ehr_vendor FROM site s WHERE s.workspace_id = :ws"
                + " AND s.ehr_vendor <> '' ORDER BY 1 LIMIT 200").setParameter("ws", workspaceId).getResultList();
        return new Result(rows, total, query, bars(counts, query), vendors, updating);
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
