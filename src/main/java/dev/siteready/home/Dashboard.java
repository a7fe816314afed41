package dev.siteready.home;

import dev.siteready.site.SiteStatus;
import dev.siteready.tenant.WorkspaceSql;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Sites per status and the scope's volumes, in one query whatever the number of sites. */
record Dashboard(long sites, List<StatusCount> byStatus, long messagesPerDay, long peakPerHour) {

    /** Sites per status, with links to the filtered list. */
    public record StatusCount(String label, String cssClass, String link, long sites) {
    }

    /**
     * One plain SQL statement naming the workspace: the home page is the most visited page (docs/performance.md). The
     * counts per status and the volume totals are two independent aggregates, one pass over the sites and one over the
     * scope rows (the status of the totals' row is null).
     */
    static Dashboard load() {
        Map<SiteStatus, Long> counts = new EnumMap<>(SiteStatus.class);
        long messagesPerDay = 0;
        long peakPerHour = 0;
        for (Object[] r : WorkspaceSql.rows(WorkspaceSql.query("SELECT s.status, count(*), 0, 0 FROM site s"
                + " WHERE s.workspace_id = :ws GROUP BY s.status"
                + " UNION ALL SELECT NULL, 0, coalesce(sum(r.messages_per_day), 0), coalesce(sum(r.peak_per_hour), 0)"
                + " FROM scope_row r WHERE r.workspace_id = :ws"))) {
            if (r[0] == null) {
                messagesPerDay = ((Number) r[2]).longValue();
                peakPerHour = ((Number) r[3]).longValue();
            } else {
                counts.put(SiteStatus.valueOf((String) r[0]), ((Number) r[1]).longValue());
            }
        }
        List<StatusCount> byStatus = Arrays.stream(SiteStatus.values())
                .map(st -> new StatusCount(st.label, st.cssClass(), "/sites?status=" + st.name(), counts.getOrDefault(st, 0L)))
                .toList();
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return new Dashboard(total, byStatus, messagesPerDay, peakPerHour);
    }
}
