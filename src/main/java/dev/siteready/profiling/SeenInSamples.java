package dev.siteready.profiling;

import dev.siteready.project.Project;
import dev.siteready.web.Dates;
import io.quarkus.hibernate.orm.panache.Panache;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Which catalog events a project's sample messages contained: evidence for the functional checklist ("message type
 * seen in samples"), never a pass. Read from the stored profiles (with the site's time zone) in one query.
 */
public final class SeenInSamples {

    private SeenInSamples() {
    }

    /** Per event ({@link #key}): "Seen in samples: 12 messages, latest 26 Nov 2026" (the day in the site's zone). */
    public static Map<String, String> of(UUID workspaceId, Project project) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                SELECT t->>'model', t->>'event', sum((t->>'messages')::int), max(p.created_at), s.time_zone
                FROM sample_profile p
                JOIN project pr ON pr.workspace_id = p.workspace_id AND pr.id = p.project_id
                JOIN site s ON s.workspace_id = pr.workspace_id AND s.id = pr.site_id
                CROSS JOIN LATERAL jsonb_array_elements(p.data->'types') t
                WHERE p.workspace_id = :ws AND p.project_id = :project
                  AND coalesce(t->>'model', '') <> '' AND coalesce(t->>'event', '') <> ''
                GROUP BY 1, 2, 5
                """).setParameter("ws", workspaceId).setParameter("project", project.id).getResultList();
        Map<String, String> seen = new HashMap<>();
        for (Object[] row : rows) {
            int messages = ((Number) row[2]).intValue();
            OffsetDateTime latest = row[3] instanceof OffsetDateTime o ? o
                    : row[3] instanceof Instant i ? i.atOffset(ZoneOffset.UTC)
                    : OffsetDateTime.parse(row[3].toString().replace(' ', 'T'));
            seen.merge(key((String) row[0], (String) row[1]), "Seen in samples: " + Suggestions.messages(messages) + ", latest "
                    + Dates.at(latest, (String) row[4]).replaceFirst(",.*", ""), (a, b) -> a);
        }
        return seen;
    }

    public static String key(String model, String event) {
        return model.toLowerCase(Locale.ROOT) + "|" + event.toLowerCase(Locale.ROOT);
    }
}
