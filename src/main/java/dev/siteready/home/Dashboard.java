package dev.siteready.home;

import dev.siteready.site.SiteStatus;
import dev.siteready.tenant.WorkspaceSql;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Sites per status and the scope's volumes, in one query reading a few rows whatever the number of sites. */
record Dashboard(long sites, List<StatusCount> byStatus, long messagesPerDay, long peakPerHour) {

    /** Sites per status, with links to the filtered list. */
    public record StatusCount(String label, String cssClass, String link, long sites) {
    }

    /**
     * One plain SQL statement naming the workspace: the home page is the most visited page (docs/performance.md). The
     * counts per status and the volume totals are kept on write by triggers (workspace_count, V12), so the page reads a
     * few rows whatever the number of sites.
     */
    static Dashboard load() {
        Map<SiteStatus, Long> counts = new EnumMap<>(SiteStatus.class);
        long messagesPerDay = 0;
        long peakPerHour = 0;
        for (Object[] r : WorkspaceSql.rows(WorkspaceSql.query("SELECT c.kind, c.key, c.n FROM workspace_count c"
                + " WHERE c.workspace_id = :ws AND c.kind IN ('status', 'volume')"))) {
            long n = ((Number) r[2]).longValue();
            if (!"volume".equals(r[0])) {
                counts.put(SiteStatus.valueOf((String) r[1]), n);
            } else if ("messages_per_day".equals(r[1])) {
                messagesPerDay = n;
            } else if ("peak_per_hour".equals(r[1])) {
                peakPerHour = n;
            }
        }
        List<StatusCount> byStatus = Arrays.stream(SiteStatus.values())
                .map(st -> new StatusCount(st.label, st.cssClass(), "/sites?status=" + st.name(), counts.getOrDefault(st, 0L)))
                .toList();
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return new Dashboard(total, byStatus, messagesPerDay, peakPerHour);
    }
}
