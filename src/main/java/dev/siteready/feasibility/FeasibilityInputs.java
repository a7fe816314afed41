package dev.siteready.feasibility;

import com.fasterxml.jackson.databind.JsonNode;
import dev.siteready.project.ConnectionMethod;
import dev.siteready.project.Direction;
import dev.siteready.project.ScopeRequirement;
import dev.siteready.scoping.AnswerKey;
import dev.siteready.scoping.QuestionnaireDefinition;
import dev.siteready.scoping.QuestionnaireDefinitions;
import dev.siteready.testing.ProjectTesting;
import dev.siteready.time.AppClock;
import dev.siteready.tenant.WorkspaceSql;
import dev.siteready.web.Json;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads what the rules need for any number of sites in six queries: projects with their questionnaires, scope rows,
 * requirements, the template versions asked, the answers, and where each project stands in testing.
 * Plain values only, so evaluating never touches the database again.
 */
final class FeasibilityInputs {

    private FeasibilityInputs() {
    }

    /** The facts of every project of the given sites (site id → name), by site, projects in creation order. */
    public static Map<UUID, List<ProjectFacts>> load(Map<UUID, String> sites) {
        Map<UUID, List<ProjectFacts>> bySite = new LinkedHashMap<>();
        sites.keySet().forEach(id -> bySite.put(id, new ArrayList<>()));
        if (sites.isEmpty()) {
            return bySite;
        }
        Collection<UUID> ids = sites.keySet();
        List<ProjectRow> projects = projects(ids);
        if (projects.isEmpty()) {
            return bySite;
        }
        Map<UUID, List<ProjectFacts.Row>> rows = rows(ids);
        Map<UUID, Requirements> requirements = requirements(ids);
        boolean anyQuestionnaire = projects.stream().anyMatch(p -> p.questionnaire() != null);
        Map<UUID, QuestionnaireDefinition> definitions = anyQuestionnaire ? definitions(projects) : Map.of();
        Answers answers = anyQuestionnaire ? answers(ids) : new Answers(Map.of(), Map.of());
        Map<UUID, ProjectTesting> testing = ProjectTesting.ofSites(ids);

        for (ProjectRow p : projects) {
            Requirements req = requirements.getOrDefault(p.id(), new Requirements());
            QuestionnaireRow q = p.questionnaire();
            ProjectFacts.Stored stored = q == null || !definitions.containsKey(q.versionId()) ? null
                    : new ProjectFacts.Stored(definitions.get(q.versionId()), q.template(),
                    answers.values().getOrDefault(q.id(), Map.of()), answers.followUps().getOrDefault(q.id(), Set.of()));
            List<ProjectFacts.Row> scope = rows.getOrDefault(p.id(), List.of());
            bySite.get(p.siteId()).add(ProjectFacts.of(p.siteId(), sites.get(p.siteId()), p.id(), p.name(), scope, req.fields,
                    req.patientIds, req.providerIds, req.codes, stored, testing.get(p.id())));
        }
        return bySite;
    }

    private record QuestionnaireRow(UUID id, UUID versionId, String template) {
    }

    private record ProjectRow(UUID id, String name, UUID siteId, QuestionnaireRow questionnaire) {
    }

    /** Answer values and follow-up flags, by questionnaire. */
    private record Answers(Map<UUID, Map<AnswerKey, JsonNode>> values, Map<UUID, Set<AnswerKey>> followUps) {
    }

    /*
     * The batch queries below start from the batch's projects and reach each project's rows through a LATERAL
     * subquery (OFFSET 0 keeps the planner from flattening it) or a scalar subquery, so every lookup is one probe of a
     * (workspace_id, …) index whatever the statistics say. Right after a large import the statistics still describe
     * nearly empty tables; joined plainly, the planner then chose nested loops that compared every project with every
     * questionnaire of the workspace (2–20 s for a batch of 500 sites, see docs/performance.md).
     */

    /** Projects with their questionnaire (if any) and the template version it asks, in one query. */
    private static List<ProjectRow> projects(Collection<UUID> sites) {
        return WorkspaceSql.rows(WorkspaceSql.query("SELECT p.id, p.name, p.site_id, q.id, q.version_id, q.template, q.number"
                + " FROM project p LEFT JOIN LATERAL (SELECT q.id, v.id AS version_id, v.number,"
                + " (SELECT t.name FROM questionnaire_template t WHERE t.workspace_id = v.workspace_id AND t.id = v.template_id) AS template"
                + " FROM questionnaire q"
                + " LEFT JOIN questionnaire_template_version v ON v.workspace_id = q.workspace_id AND v.id = q.template_version_id"
                + " WHERE q.workspace_id = p.workspace_id AND q.project_id = p.id OFFSET 0) q ON true"
                + " WHERE p.workspace_id = :ws AND p.site_id IN (:sites) ORDER BY p.created_at, p.id").setParameter("sites", sites))
                .stream().map(r -> new ProjectRow((UUID) r[0], (String) r[1], (UUID) r[2],
                        r[3] == null ? null : new QuestionnaireRow((UUID) r[3], (UUID) r[4], r[5] + " v" + r[6]))).toList();
    }

    /** Scope rows by project. Event types are not read by any rule, so the rows come without them (no join on scope_row_event). */
    private static Map<UUID, List<ProjectFacts.Row>> rows(Collection<UUID> sites) {
        Map<UUID, List<ProjectFacts.Row>> rows = new HashMap<>();
        for (Object[] r : WorkspaceSql.rows(WorkspaceSql.query("SELECT r.id, r.project_id, r.model, r.direction, r.connection_method,"
                + " r.messages_per_day, r.peak_per_hour FROM project p JOIN LATERAL (SELECT r.*,"
                + " (SELECT m.name FROM data_model m WHERE m.workspace_id = r.workspace_id AND m.id = r.data_model_id) AS model"
                + " FROM scope_row r WHERE r.workspace_id = p.workspace_id AND r.project_id = p.id OFFSET 0) r ON true"
                + " WHERE p.workspace_id = :ws AND p.site_id IN (:sites) ORDER BY r.position, r.id").setParameter("sites", sites))) {
            rows.computeIfAbsent((UUID) r[1], p -> new ArrayList<>()).add(new ProjectFacts.Row((UUID) r[0], (String) r[2],
                    Direction.valueOf((String) r[3]), ConnectionMethod.valueOf((String) r[4]), (Integer) r[5], (Integer) r[6]));
        }
        return rows;
    }

    private static Map<UUID, Requirements> requirements(Collection<UUID> sites) {
        Map<UUID, Requirements> requirements = new HashMap<>();
        for (Object[] r : WorkspaceSql.rows(WorkspaceSql.query("SELECT q.project_id, q.kind, q.model, q.path, q.code"
                + " FROM project p JOIN LATERAL (SELECT q.project_id, q.kind, q.code,"
                + " (SELECT m.name FROM data_model m WHERE m.workspace_id = q.workspace_id AND m.id = q.data_model_id) AS model,"
                + " (SELECT f.path FROM data_model_field f WHERE f.workspace_id = q.workspace_id AND f.id = q.field_id) AS path"
                + " FROM scope_requirement q WHERE q.workspace_id = p.workspace_id AND q.project_id = p.id OFFSET 0) q ON true"
                + " WHERE p.workspace_id = :ws AND p.site_id IN (:sites) ORDER BY q.kind, q.model, q.path, q.code")
                .setParameter("sites", sites))) {
            Requirements req = requirements.computeIfAbsent((UUID) r[0], p -> new Requirements());
            String model = (String) r[2];
            String code = (String) r[4];
            switch (ScopeRequirement.Kind.valueOf((String) r[1])) {
                case FIELD -> {
                    if (model != null && r[3] != null) {
                        req.fields.add(new ProjectFacts.FieldNeed(model, (String) r[3]));
                    }
                }
                case PATIENT_ID -> req.patientIds.add(code);
                case PROVIDER_ID -> req.providerIds.add(code);
                case CODE_SYSTEM -> {
                    if (model != null) {
                        req.codes.add(new ProjectFacts.CodeNeed(model, code));
                    }
                }
            }
        }
        return requirements;
    }

    /** The projects' template definitions (parsed once per version and node, QuestionnaireDefinitions). */
    private static Map<UUID, QuestionnaireDefinition> definitions(List<ProjectRow> projects) {
        return QuestionnaireDefinitions.ofVersions(projects.stream().filter(p -> p.questionnaire() != null)
                .map(p -> p.questionnaire().versionId()).distinct().toList());
    }

    private static Answers answers(Collection<UUID> sites) {
        Map<UUID, Map<AnswerKey, JsonNode>> values = new HashMap<>();
        Map<UUID, Set<AnswerKey>> followUps = new HashMap<>();
        for (Object[] r : WorkspaceSql.rows(WorkspaceSql.query("SELECT a.questionnaire_id, a.question_key, a.subject, a.value,"
                + " a.needs_follow_up FROM project p"
                + " JOIN LATERAL (SELECT q.id FROM questionnaire q WHERE q.workspace_id = p.workspace_id AND q.project_id = p.id OFFSET 0) q ON true"
                + " JOIN LATERAL (SELECT a.* FROM answer a WHERE a.workspace_id = p.workspace_id AND a.questionnaire_id = q.id OFFSET 0) a ON true"
                + " WHERE p.workspace_id = :ws AND p.site_id IN (:sites)").setParameter("sites", sites))) {
            AnswerKey key = AnswerKey.of((String) r[1], (String) r[2]);
            if (r[3] != null) {
                values.computeIfAbsent((UUID) r[0], q -> new HashMap<>()).put(key, Json.read(r[3], JsonNode.class));
            }
            if (Boolean.TRUE.equals(r[4])) {
                followUps.computeIfAbsent((UUID) r[0], q -> new HashSet<>()).add(key);
            }
        }
        return new Answers(values, followUps);
    }

    /** The summary of one site as it is now. */
    public static FeasibilityReport report(dev.siteready.site.Site site) {
        return FeasibilityReport.of(site.id, site.name, site.ehrVendor, site.timeZone, load(Map.of(site.id, site.name)).get(site.id),
                AppClock.now());
    }

    private static final class Requirements {
        final List<ProjectFacts.FieldNeed> fields = new ArrayList<>();
        final List<String> patientIds = new ArrayList<>();
        final List<String> providerIds = new ArrayList<>();
        final List<ProjectFacts.CodeNeed> codes = new ArrayList<>();
    }
}
