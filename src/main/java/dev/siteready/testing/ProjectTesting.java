package dev.siteready.testing;

import dev.siteready.testing.TestPhase.Kind;
import dev.siteready.testing.TestPhase.Status;
import dev.siteready.tenant.WorkspaceSql;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where projects stand in testing, read in one query whatever their number: each one's current phase and its go-live
 * phase (planned start, actual end, whether it passed).
 *
 * @param goLiveStart the go-live phase's planned start, or null
 * @param goLiveEnd the go-live phase's actual end (set when it passed), or null
 */
public record ProjectTesting(CurrentPhase phase, LocalDate goLiveStart, LocalDate goLiveEnd, boolean wentLive) {

    /** A project without phases (a trigger creates them with the project, so none in practice). */
    public static final ProjectTesting NOT_STARTED = new ProjectTesting(CurrentPhase.of(Map.of()), null, null, false);

    /** The test plan's go-live date: the actual one once go-live passed, else the planned start (see {@link GoLive}). */
    public LocalDate plannedGoLive() {
        return goLiveEnd != null ? goLiveEnd : goLiveStart;
    }

    /** One project's, in the same one query. */
    public static ProjectTesting of(UUID projectId) {
        return ofProjects(List.of(projectId)).get(projectId);
    }

    public static Map<UUID, ProjectTesting> ofProjects(Collection<UUID> projectIds) {
        return projectIds.isEmpty() ? Map.of()
                : read("test_phase t WHERE t.workspace_id = :ws AND t.project_id IN (:ids)", projectIds, projectIds);
    }

    /**
     * Every project of the sites, keyed by project (the portfolio refreshes sites a batch at a time). From the projects
     * to their phases through a LATERAL subquery, one index probe a project whatever the statistics say (see
     * FeasibilityInputs: after a large import, a plain join compared every phase with every project).
     */
    public static Map<UUID, ProjectTesting> ofSites(Collection<UUID> siteIds) {
        return siteIds.isEmpty() ? Map.of()
                : read("project p JOIN LATERAL (SELECT t.* FROM test_phase t WHERE t.workspace_id = p.workspace_id AND t.project_id = p.id"
                        + " OFFSET 0) t ON true WHERE p.workspace_id = :ws AND p.site_id IN (:ids)", siteIds, null);
    }

    private static Map<UUID, ProjectTesting> read(String from, Collection<UUID> ids, Collection<UUID> projectIds) {
        Map<UUID, Map<Kind, Status>> statuses = new HashMap<>();
        Map<UUID, LocalDate[]> goLives = new HashMap<>();
        for (Object[] r : WorkspaceSql.rows(WorkspaceSql.query("SELECT t.project_id, t.kind, t.status, t.planned_start, t.actual_end"
                + " FROM " + from).setParameter("ids", ids))) {
            UUID project = (UUID) r[0];
            Kind kind = Kind.valueOf((String) r[1]);
            statuses.computeIfAbsent(project, p -> new EnumMap<>(Kind.class)).put(kind, Status.valueOf((String) r[2]));
            if (kind == Kind.GO_LIVE) {
                goLives.put(project, new LocalDate[] { WorkspaceSql.date(r[3]), WorkspaceSql.date(r[4]) });
            }
        }
        Map<UUID, ProjectTesting> result = new HashMap<>();
        for (UUID id : projectIds != null ? projectIds : statuses.keySet()) {
            Map<Kind, Status> phases = statuses.getOrDefault(id, Map.of());
            LocalDate[] goLive = goLives.getOrDefault(id, new LocalDate[2]);
            result.put(id, new ProjectTesting(CurrentPhase.of(phases), goLive[0], goLive[1], phases.get(Kind.GO_LIVE) == Status.PASSED));
        }
        return result;
    }
}
