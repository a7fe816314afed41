package dev.siteready.scoping;

import dev.siteready.project.Direction;
import dev.siteready.project.ScopeService;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a repeating question is asked for, taken from the project's scope as it is now. A subject's key is
 * made of catalog names (not row ids), so an answer stays attached when the scope is edited and re-saved.
 */
public record Subjects(List<Subject> scopeRows, List<Subject> dataModels, List<Subject> requiredFields) {

    public record Subject(String key, String label) {
        public static final Subject NONE = new Subject("", "");
    }

    /** The subjects of a scope read as names (questionnaire pages). */
    public static Subjects of(List<ScopeService.RowName> rows, List<ScopeService.FieldName> requiredFields) {
        Builder subjects = new Builder();
        rows.forEach(row -> subjects.scopeRow(row.model(), row.direction()));
        requiredFields.forEach(f -> subjects.requiredField(f.model(), f.path()));
        return subjects.build();
    }

    /** Collects a scope's rows and required fields in their order; a data set or model listed twice is asked once. */
    public static final class Builder {
        private final Map<String, Subject> scopeRows = new LinkedHashMap<>();
        private final Map<String, Subject> models = new LinkedHashMap<>();
        private final List<Subject> fields = new ArrayList<>();

        public Builder scopeRow(String model, Direction direction) {
            Subject subject = Subjects.scopeRow(model, direction);
            scopeRows.putIfAbsent(subject.key(), subject);
            models.putIfAbsent(model, dataModel(model));
            return this;
        }

        public Builder requiredField(String model, String path) {
            fields.add(Subjects.requiredField(model, path));
            return this;
        }

        public Subjects build() {
            return new Subjects(List.copyOf(scopeRows.values()), List.copyOf(models.values()), List.copyOf(fields));
        }
    }

    /** A data model in one direction: "Results|INBOUND", shown as "Results (inbound)". */
    public static Subject scopeRow(String model, Direction direction) {
        return new Subject(model + "|" + direction.name(),
                model + " (" + (direction == Direction.INBOUND ? "inbound" : "outbound") + ")");
    }

    public static Subject dataModel(String model) {
        return new Subject(model, model);
    }

    /** A required field: "Results|Visit.VisitNumber", shown as "Results Visit.VisitNumber". */
    public static Subject requiredField(String model, String path) {
        return new Subject(model + "|" + path, model + " " + path);
    }

    public List<Subject> of(Repeat repeat) {
        return switch (repeat) {
            case ONCE -> List.of(Subject.NONE);
            case SCOPE_ROW -> scopeRows;
            case DATA_MODEL -> dataModels;
            case REQUIRED_FIELD -> requiredFields;
        };
    }

    /** The subject with this key for the question, if the scope still has it. */
    public Subject find(Repeat repeat, String key) {
        String wanted = key == null ? "" : key;
        return of(repeat).stream().filter(s -> s.key().equals(wanted)).findFirst().orElse(null);
    }
}
