package dev.siteready.feasibility;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dev.siteready.project.ConnectionMethod;
import dev.siteready.project.Direction;
import dev.siteready.scoping.QuestionnaireDefinition;
import dev.siteready.scoping.Subjects;
import dev.siteready.scoping.Subjects.Subject;

/**
 * Everything the rules read about one project, as plain values: its scope and the questionnaire's answers.
 * Built from the database by {@link FeasibilityInputs}, or by hand in rule tests.
 */
public record ProjectFacts(UUID siteId, String siteName, UUID projectId, String projectName, List<Row> rows,
        List<FieldNeed> fields, List<String> patientIdTypes, List<String> providerIdTypes, List<CodeNeed> codeSystems,
        Answers answers) {

    public ProjectFacts {
        rows = List.copyOf(rows);
        fields = List.copyOf(fields);
        patientIdTypes = List.copyOf(patientIdTypes);
        providerIdTypes = List.copyOf(providerIdTypes);
        codeSystems = List.copyOf(codeSystems);
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

    /**
     * The questionnaire as answered: its definition (the template version it was asked from) and the
     * answers by question key and subject. Null in {@link ProjectFacts} while no questionnaire exists.
     */
    public record Answers(QuestionnaireDefinition definition, String templateLabel, Map<String, JsonNode> values,
            Map<String, Boolean> followUps) {

        public JsonNode value(String key, String subject) {
            return values.get(key + "\n" + (subject == null ? "" : subject));
        }

        public boolean needsFollowUp(String key, String subject) {
            return Boolean.TRUE.equals(followUps.get(key + "\n" + (subject == null ? "" : subject)));
        }
    }

    /** What repeating questions are asked for, exactly as the questionnaire page derives it. */
    public Subjects subjects() {
        Map<String, Subject> scopeRows = new LinkedHashMap<>();
        Map<String, Subject> models = new LinkedHashMap<>();
        for (Row row : rows) {
            scopeRows.putIfAbsent(row.subject().key(), row.subject());
            models.putIfAbsent(row.model(), Subjects.dataModel(row.model()));
        }
        return new Subjects(List.copyOf(scopeRows.values()), List.copyOf(models.values()),
                fields.stream().map(FieldNeed::subject).toList());
    }

    public boolean hasQuestionnaire() {
        return answers != null;
    }

    /** The base path of the project's pages. */
    public String projectHref() {
        return "/sites/" + siteId + "/projects/" + projectId;
    }
}
