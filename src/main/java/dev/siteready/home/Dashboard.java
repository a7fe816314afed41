package dev.siteready.home;

import dev.siteready.site.SiteStatus;
import dev.siteready.tenant.WorkspaceSql;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Sites per status and the scope's volumes, in one query of a few rows whatever the number of sites. */
record Dashboard(long sites, List<StatusCount> byStatus, long messagesPerDay, long peakPerHour) {

    /** Sites per status, with links to the filtered list. */
    public record StatusCount(String label, String cssClass, String link, long sites) {
    }

    /** Rows of changes a workspace's counts may pile up before a home page view folds them into one per key. */
    static final int FOLD_AT = 64;

    /**
     * One plain SQL statement naming the workspace: the home page is the most visited page (docs/performance.md). The
     * counts per status and the volume totals are the sums of the changes that triggers write (workspace_count, V12),
     * so the page reads a few rows whatever the number of sites. When the changes have piled up past {@link #FOLD_AT}
     * rows (every statement that changes a count adds one per key), they are folded into one row per key.
     */
    static Dashboard load() {
        Map<SiteStatus, Long> counts = new EnumMap<>(SiteStatus.class);
        long messagesPerDay = 0;
        long peakPerHour = 0;
        long rows = 0;
        for (Object[] r : WorkspaceSql.rows(WorkspaceSql.query("SELECT c.kind, c.key, sum(c.n), count(*) FROM workspace_count c"
                + " WHERE c.workspace_id = :ws GROUP BY c.kind, c.key"))) {
            long n = ((Number) r[2]).longValue();
            rows += ((Number) r[3]).longValue();
            if ("status".equals(r[0])) {
                counts.put(SiteStatus.valueOf((String) r[1]), n);
            } else if ("volume".equals(r[0]) && "messages_per_day".equals(r[1])) {
                messagesPerDay = n;
            } else if ("volume".equals(r[0]) && "peak_per_hour".equals(r[1])) {
                peakPerHour = n;
            }
        }
        if (rows > FOLD_AT) {
            fold();
        }
        List<StatusCount> byStatus = Arrays.stream(SiteStatus.values())
                .map(st -> new StatusCount(st.label, st.cssClass(), "/sites?status=" + st.name(), counts.getOrDefault(st, 0L)))
                .toList();
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return new Dashboard(total, byStatus, messagesPerDay, peakPerHour);
    }

    /**
     * Replaces the workspace's rows of changes by their sums, one row per key (none for a sum of 0). The delete sees
     * only committed rows and locks them, so changes written meanwhile stay as they are, and a second fold at the same
     * time finds the rows gone and adds nothing.
     */
    static void fold() {
        WorkspaceSql.query("WITH gone AS (DELETE FROM workspace_count c WHERE c.workspace_id = :ws RETURNING c.kind, c.key, c.n)"
                + " INSERT INTO workspace_count (workspace_id, kind, key, n) SELECT :ws, g.kind, g.key, sum(g.n) FROM gone g"
                + " GROUP BY g.kind, g.key HAVING sum(g.n) <> 0").executeUpdate();
    }
}
