package dev.siteready.hub;

import dev.siteready.project.Project;
import dev.siteready.project.ScopeRow;
import dev.siteready.scoping.QuestionnaireStanding;
import dev.siteready.site.Site;
import dev.siteready.testing.CurrentPhase;
import dev.siteready.testing.ProjectTesting;
import io.quarkus.hibernate.orm.panache.Panache;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A project with its scope rows, where its questionnaire stands and its current test phase as the site page shows
 * them; built for a whole site in a fixed number of queries.
 */
record ProjectSummary(UUID id, String name, String description, List<RowSummary> rows, long messagesPerDay,
        long peakPerHour, QuestionnaireStanding questionnaire, String phase, String phaseClass) {

    public record RowSummary(String model, String events, String direction, String connection, Integer messagesPerDay,
            Integer peakPerHour) {
    }

    public static List<ProjectSummary> forSite(Site site) {
        List<Project> projects = Project.listFor(site);
        List<ScopeRow> rows = Panache.getEntityManager().createQuery("select distinct r from ScopeRow r join fetch r.model"
                + " left join fetch r.events where r.project.site = ?1 order by r.position", ScopeRow.class)
                .setParameter(1, site).getResultList();
        List<UUID> ids = projects.stream().map(p -> p.id).toList();
        Map<UUID, ProjectTesting> testing = ProjectTesting.ofProjects(ids);
        Map<UUID, QuestionnaireStanding> questionnaires = QuestionnaireStanding.ofProjects(ids);
        Map<UUID, List<ScopeRow>> byProject = rows.stream()
                .collect(Collectors.groupingBy(r -> r.project.id, LinkedHashMap::new, Collectors.toList()));
        return projects.stream().map(p -> {
            List<ScopeRow> own = byProject.getOrDefault(p.id, List.of());
            List<RowSummary> summaries = own.stream().map(ProjectSummary::summary).toList();
            return new ProjectSummary(p.id, p.name, p.description, summaries,
                    own.stream().mapToLong(r -> r.messagesPerDay == null ? 0 : r.messagesPerDay).sum(),
                    own.stream().mapToLong(r -> r.peakPerHour == null ? 0 : r.peakPerHour).sum(),
                    questionnaires.getOrDefault(p.id, QuestionnaireStanding.NONE), phase(testing, p).label(), phase(testing, p).cssClass());
        }).toList();
    }

    private static CurrentPhase phase(Map<UUID, ProjectTesting> testing, Project p) {
        return testing.getOrDefault(p.id, ProjectTesting.NOT_STARTED).phase();
    }

    static RowSummary summary(ScopeRow r) {
        String events = r.events.isEmpty() ? "no event types chosen yet"
                : r.events.stream().map(e -> e.name).sorted().collect(Collectors.joining(", "));
        return new RowSummary(r.model.name, events, r.direction.label, r.connectionMethod.label, r.messagesPerDay,
                r.peakPerHour);
    }
}
