package dev.siteready.home;

import dev.siteready.site.SiteStatus;
import io.quarkus.hibernate.orm.panache.Panache;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Sites per status and the scope's volumes, in two queries whatever the number of sites. */
record Dashboard(long sites, List<StatusCount> byStatus, long messagesPerDay, long peakPerHour) {

    /** Sites per status, with links to the filtered list. */
    public record StatusCount(String label, String cssClass, String link, long sites) {
    }

    static Dashboard load() {
        var em = Panache.getEntityManager();
        Map<SiteStatus, Long> counts = new EnumMap<>(SiteStatus.class);
        em.createQuery("select s.status, count(s) from Site s group by s.status", Object[].class).getResultList()
                .forEach(r -> counts.put((SiteStatus) r[0], (Long) r[1]));
        Object[] volume = em.createQuery("select coalesce(sum(r.messagesPerDay), 0L), coalesce(sum(r.peakPerHour), 0L)"
                + " from ScopeRow r", Object[].class).getSingleResult();
        List<StatusCount> byStatus = Arrays.stream(SiteStatus.values())
                .map(st -> new StatusCount(st.label, st.cssClass(), "/sites?status=" + st.name(), counts.getOrDefault(st, 0L)))
                .toList();
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return new Dashboard(total, byStatus, ((Number) volume[0]).longValue(), ((Number) volume[1]).longValue());
    }
}
