package dev.siteready.feasibility;

import com.fasterxml.jackson.databind.JsonNode;
import dev.siteready.project.ConnectionMethod;
import dev.siteready.project.Direction;
import dev.siteready.scoping.AnswerKey;
import dev.siteready.scoping.AnswerSheet;
import dev.siteready.scoping.QuestionnaireDefinition;
import dev.siteready.scoping.Subjects.Subject;
import dev.siteready.scoping.Subjects;
import dev.siteready.testing.ProjectTesting;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Everything the rules read about one project, as plain values: its scope, the questionnaire's answers (read as
 * the questionnaire pages read them) and where it stands in testing. Built from the database by
 * {@link FeasibilityInputs}, or by hand in rule tests.
 *
 * @param templateLabel the template version the questionnaire asks, e.g. "Standard scoping v2"; "" without one
 * @param answers the answer sheet; null while the project has no questionnaire
 */
public record ProjectFacts(UUID siteId, String siteName, UUID projectId, String projectName, List<Row> rows,
        List<FieldNeed> fields, List<String> patientIdTypes, List<String> providerIdTypes, List<CodeNeed> codeSystems,
        String templateLabel, AnswerSheet answers, ProjectTesting testing) {

    public ProjectFacts {
        rows = List.copyOf(rows);
        fields = List.copyOf(fields);
        patientIdTypes = List.copyOf(patientIdTypes);
        providerIdTypes = List.copyOf(providerIdTypes);
        codeSystems = List.copyOf(codeSystems);
        templateLabel = templateLabel == null ? "" : templateLabel;
        testing = testing == null ? ProjectTesting.NOT_STARTED : testing;
    }

    /** A scope row: a data model in one direction, with its planned connection method and volumes. */
    public record Row(UUID id, String model, Direction direction, ConnectionMethod method, Integer messagesPerDay,
            Integer peakPerHour) {

        public Subject subject() {
            return Subjects.scopeRow(model, direction);
        }
    }

    /** A field the product requires, by data model and path (e.g. Results, Visit.VisitNumber). */
    public record FieldNeed(String model, String path) {
        public Subject subject() {
            return Subjects.requiredField(model, path);
        }
    }

    /** A code system (HL7 table 0396) the product requires for a data model. */
    public record CodeNeed(String model, String code) {
    }

    /** The stored answers of a questionnaire: the definition it asks, by which version, and each answer and flag. */
    public record Stored(QuestionnaireDefinition definition, String templateLabel, Map<AnswerKey, JsonNode> values,
            Set<AnswerKey> followUps) {
    }

    /** The facts with the answer sheet read for this scope (stored is null while there is no questionnaire). */
    public static ProjectFacts of(UUID siteId, String siteName, UUID projectId, String projectName, List<Row> rows,
            List<FieldNeed> fields, List<String> patientIdTypes, List<String> providerIdTypes, List<CodeNeed> codeSystems,
            Stored stored, ProjectTesting testing) {
        Subjects.Builder subjects = new Subjects.Builder();
        rows.forEach(r -> subjects.scopeRow(r.model(), r.direction()));
        fields.forEach(f -> subjects.requiredField(f.model(), f.path()));
        AnswerSheet sheet = stored == null ? null
                : new AnswerSheet(stored.definition(), subjects.build(), stored.values(), stored.followUps());
        return new ProjectFacts(siteId, siteName, projectId, projectName, rows, fields, patientIdTypes, providerIdTypes,
                codeSystems, stored == null ? "" : stored.templateLabel(), sheet, testing);
    }

    /** What repeating questions are asked for, exactly as the questionnaire page derives it. */
    public Subjects subjects() {
        if (answers != null) {
            return answers.subjects();
        }
        Subjects.Builder subjects = new Subjects.Builder();
        rows.forEach(r -> subjects.scopeRow(r.model(), r.direction()));
        fields.forEach(f -> subjects.requiredField(f.model(), f.path()));
        return subjects.build();
    }

    public boolean hasQuestionnaire() {
        return answers != null;
    }

    /** The base path of the project's pages. */
    public String projectHref() {
        return "/sites/" + siteId + "/projects/" + projectId;
    }
}
