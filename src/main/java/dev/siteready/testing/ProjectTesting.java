package dev.siteready.testing;

import dev.siteready.testing.TestPhase.Kind;
import dev.siteready.testing.TestPhase.Status;
import io.quarkus.hibernate.orm.panache.Panache;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where projects stand in testing, read in one query whatever their number: each one's current phase, its test
 * plan's go-live date (the actual date once go-live passed, else the planned start) and whether go-live passed.
 */
public record ProjectTesting(CurrentPhase phase, LocalDate plannedGoLive, boolean wentLive) {

    /** A project without phases (a trigger creates them with the project, so none in practice). */
    public static final ProjectTesting NOT_STARTED = new ProjectTesting(CurrentPhase.of(Map.of()), null, false);

    public ProjectTesting(CurrentPhase phase, LocalDate plannedGoLive) {
        this(phase, plannedGoLive, false);
    }

    /** One project's, in the same one query. */
    public static ProjectTesting of(UUID projectId) {
        return ofProjects(List.of(projectId)).get(projectId);
    }

    public static Map<UUID, ProjectTesting> ofProjects(Collection<UUID> projectIds) {
        Map<UUID, Map<Kind, Status>> statuses = new HashMap<>();
        Map<UUID, LocalDate> goLives = new HashMap<>();
        if (!projectIds.isEmpty()) {
            for (Object[] r : Panache.getEntityManager().createQuery("select t.project.id, t.kind, t.status, t.plannedStart,"
                    + " t.actualEnd from TestPhase t where t.project.id in :ids", Object[].class)
                    .setParameter("ids", projectIds).getResultList()) {
                UUID project = (UUID) r[0];
                statuses.computeIfAbsent(project, p -> new EnumMap<>(Kind.class)).put((Kind) r[1], (Status) r[2]);
                if (r[1] == Kind.GO_LIVE) {
                    LocalDate date = r[4] != null ? (LocalDate) r[4] : (LocalDate) r[3];
                    if (date != null) {
                        goLives.put(project, date);
                    }
                }
            }
        }
        Map<UUID, ProjectTesting> result = new HashMap<>();
        projectIds.forEach(id -> {
            Map<Kind, Status> phases = statuses.getOrDefault(id, Map.of());
            result.put(id, new ProjectTesting(CurrentPhase.of(phases), goLives.get(id), phases.get(Kind.GO_LIVE) == Status.PASSED));
        });
        return result;
    }
}
