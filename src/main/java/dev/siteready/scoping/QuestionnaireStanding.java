package dev.siteready.scoping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.siteready.project.Direction;
import dev.siteready.scoping.QuestionnaireView.Progress;
import dev.siteready.tenant.WorkspaceSql;
import dev.siteready.web.Json;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Where a project's questionnaire stands, as a page listing projects shows it: not started, in progress with how much
 * is answered (the questions shown for the scope as it is now, as on the questionnaire page), submitted, or locked.
 *
 * @param status null when the project has no questionnaire yet
 */
public record QuestionnaireStanding(QuestionnaireStatus status, int answered, int questions) {

    public static final QuestionnaireStanding NONE = new QuestionnaireStanding(null, 0, 0);

    public boolean exists() {
        return status != null;
    }

    /** In words: "Not started", "Sent, not started", "In progress", "Submitted", "Reviewed and locked". */
    public String label() {
        if (status == null) {
            return "No questionnaire yet";
        }
        return switch (status) {
            case SUBMITTED, LOCKED -> status.label;
            case SENT -> answered == 0 ? "Sent, not started" : QuestionnaireStatus.IN_PROGRESS.label;
            case DRAFT, IN_PROGRESS -> answered == 0 ? "Not started" : QuestionnaireStatus.IN_PROGRESS.label;
        };
    }

    public String cssClass() {
        return status == null || answered == 0 && !status.isLocked() && status != QuestionnaireStatus.SUBMITTED
                ? QuestionnaireStatus.DRAFT.cssClass : status == QuestionnaireStatus.SENT ? QuestionnaireStatus.IN_PROGRESS.cssClass
                : status.cssClass;
    }

    /** "12 of 40 answered". */
    public String progress() {
        return answered + " of " + questions + " answered";
    }

    /**
     * The standing of each of these projects' questionnaires (projects without one are absent), read in four
     * statements whatever their number: the questionnaires, their answers, the scope rows and the required fields
     * (plus the template versions this node has not parsed yet, QuestionnaireDefinitions).
     */
    public static Map<UUID, QuestionnaireStanding> ofProjects(Collection<UUID> projectIds) {
        Map<UUID, QuestionnaireStanding> standings = new HashMap<>();
        if (projectIds.isEmpty()) {
            return standings;
        }
        Map<UUID, Object[]> questionnaires = new HashMap<>();
        for (Object[] r : WorkspaceSql.rows(WorkspaceSql.query("SELECT q.project_id, q.status, q.template_version_id"
                + " FROM questionnaire q WHERE q.workspace_id = :ws AND q.project_id IN (:projects)")
                .setParameter("projects", projectIds))) {
            questionnaires.put((UUID) r[0], r);
        }
        Map<UUID, QuestionnaireDefinition> definitions = QuestionnaireDefinitions.ofVersions(questionnaires.values().stream()
                .map(r -> (UUID) r[2]).distinct().toList());
        Map<UUID, Map<AnswerKey, JsonNode>> answers = new HashMap<>();
        for (Object[] r : WorkspaceSql.rows(WorkspaceSql.query("SELECT q.project_id, a.question_key, a.subject, a.value"
                + " FROM questionnaire q JOIN answer a ON a.workspace_id = q.workspace_id AND a.questionnaire_id = q.id"
                + " WHERE q.workspace_id = :ws AND q.project_id IN (:projects) AND a.value IS NOT NULL")
                .setParameter("projects", projectIds))) {
            answers.computeIfAbsent((UUID) r[0], p -> new HashMap<>())
                    .put(AnswerKey.of((String) r[1], (String) r[2]), Json.read(r[3], JsonNode.class));
        }
        Map<UUID, Subjects.Builder> subjects = new HashMap<>();
        for (Object[] r : WorkspaceSql.rows(WorkspaceSql.query("SELECT r.project_id, m.name, r.direction FROM scope_row r"
                + " JOIN data_model m ON m.workspace_id = r.workspace_id AND m.id = r.data_model_id"
                + " WHERE r.workspace_id = :ws AND r.project_id IN (:projects) ORDER BY r.position")
                .setParameter("projects", projectIds))) {
            subjects.computeIfAbsent((UUID) r[0], p -> new Subjects.Builder()).scopeRow((String) r[1], Direction.valueOf((String) r[2]));
        }
        for (Object[] r : WorkspaceSql.rows(WorkspaceSql.query("SELECT q.project_id, m.name, f.path FROM scope_requirement q"
                + " JOIN data_model m ON m.workspace_id = q.workspace_id AND m.id = q.data_model_id"
                + " JOIN data_model_field f ON f.workspace_id = q.workspace_id AND f.id = q.field_id"
                + " WHERE q.workspace_id = :ws AND q.project_id IN (:projects) AND q.kind = 'FIELD'")
                .setParameter("projects", projectIds))) {
            subjects.computeIfAbsent((UUID) r[0], p -> new Subjects.Builder()).requiredField((String) r[1], (String) r[2]);
        }
        questionnaires.forEach((project, r) -> {
            QuestionnaireDefinition definition = definitions.get((UUID) r[2]);
            Progress progress = definition == null ? new Progress(0, 0) : new AnswerSheet(definition,
                    subjects.getOrDefault(project, new Subjects.Builder()).build(), answers.getOrDefault(project, Map.of()),
                    Set.of()).completion();
            standings.put(project, new QuestionnaireStanding(QuestionnaireStatus.valueOf((String) r[1]), progress.answered(),
                    progress.total()));
        });
        return standings;
    }
}
