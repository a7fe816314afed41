package dev.siteready.retro;

import dev.siteready.project.Project;
import dev.siteready.project.ScopeRequirement;
import dev.siteready.scoping.QuestionnaireDefinition;
import dev.siteready.scoping.QuestionnaireDefinitions;
import dev.siteready.tenant.WorkspaceSql;
import dev.siteready.web.Option;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an item can be linked to, by name: the project's questionnaire questions, its scope requirements, and the
 * catalog events and fields of the data models in its scope. Plain SQL of the request's workspace (two statements, and
 * a third on a node's first view of a template version): shown on every view of a started retrospective.
 */
@ApplicationScoped
class ItemLinks {

    public List<OptionGroup> options(Project project) {
        List<Option> requirements = new ArrayList<>();
        Map<String, List<Option>> events = new LinkedHashMap<>();
        Map<String, List<Option>> fields = new LinkedHashMap<>();
        for (Object[] r : WorkspaceSql.rows(WorkspaceSql.query("""
                SELECT 0 AS part, CASE q.kind WHEN 'FIELD' THEN 0 WHEN 'PATIENT_ID' THEN 1 WHEN 'PROVIDER_ID' THEN 2 ELSE 3 END AS rank,
                       coalesce(m.name, fm.name) AS model, f.path AS name, q.code, q.kind FROM scope_requirement q
                  LEFT JOIN data_model m ON m.workspace_id = q.workspace_id AND m.id = q.data_model_id
                  LEFT JOIN data_model_field f ON f.workspace_id = q.workspace_id AND f.id = q.field_id
                  LEFT JOIN data_model fm ON fm.workspace_id = f.workspace_id AND fm.id = f.data_model_id
                 WHERE q.workspace_id = :ws AND q.project_id = :project
                UNION ALL
                SELECT 1, 0, m.name, e.name, NULL, NULL FROM data_model_event e
                  JOIN data_model m ON m.workspace_id = e.workspace_id AND m.id = e.data_model_id
                 WHERE e.workspace_id = :ws AND e.data_model_id IN (SELECT r.data_model_id FROM scope_row r
                       WHERE r.workspace_id = :ws AND r.project_id = :project)
                UNION ALL
                SELECT 2, 0, m.name, f.path, NULL, NULL FROM data_model_field f
                  JOIN data_model m ON m.workspace_id = f.workspace_id AND m.id = f.data_model_id
                 WHERE f.workspace_id = :ws AND f.data_model_id IN (SELECT r.data_model_id FROM scope_row r
                       WHERE r.workspace_id = :ws AND r.project_id = :project)
                ORDER BY part, rank, model, name, code
                """).setParameter("project", project.id))) {
            int part = ((Number) r[0]).intValue();
            String model = (String) r[2];
            String name = (String) r[3];
            if (part == 1) {
                events.computeIfAbsent(model, k -> new ArrayList<>()).add(Option.of("EVENT:" + model + "|" + name, model + " " + name));
            } else if (part == 2) {
                fields.computeIfAbsent(model, k -> new ArrayList<>()).add(Option.of("FIELD:" + model + "|" + name, model + " " + name));
            } else {
                requirement(requirements, ScopeRequirement.Kind.valueOf((String) r[5]), model, name, (String) r[4]);
            }
        }
        // Grouped by section and data model, as a flat list of every question and field is too long to scan.
        List<OptionGroup> groups = new ArrayList<>(questions(project));
        groups.add(new OptionGroup("Scope requirements", requirements));
        events.forEach((model, options) -> groups.add(new OptionGroup("Catalog events in scope: " + model, options)));
        fields.forEach((model, options) -> groups.add(new OptionGroup("Catalog fields in scope: " + model, options)));
        return groups;
    }

    /** The listed option with this value. */
    static Optional<Option> find(List<OptionGroup> groups, String value) {
        return groups.stream().flatMap(g -> g.options().stream()).filter(o -> o.value().equals(value)).findFirst();
    }

    private static List<OptionGroup> questions(Project project) {
        List<OptionGroup> groups = new ArrayList<>();
        QuestionnaireDefinition definition = QuestionnaireDefinitions.ofProject(project.id);
        if (definition != null) {
            for (QuestionnaireDefinition.Section s : definition.sections()) {
                groups.add(new OptionGroup("Questions: " + s.title(), s.questions().stream().map(q -> Option.of("QUESTION:" + q.key(),
                        s.title() + ": " + q.label().replace("{subject}", "…"))).toList()));
            }
        }
        return groups;
    }

    private static void requirement(List<Option> options, ScopeRequirement.Kind kind, String model, String path, String code) {
        switch (kind) {
            case FIELD -> options.add(Option.of("REQUIREMENT:FIELD|" + model + "|" + path, "Required field " + model + " " + path));
            case PATIENT_ID -> options.add(Option.of("REQUIREMENT:PATIENT_ID|" + code, "Patient ID type " + code));
            case PROVIDER_ID -> options.add(Option.of("REQUIREMENT:PROVIDER_ID|" + code, "Provider ID type " + code));
            case CODE_SYSTEM -> options.add(Option.of("REQUIREMENT:CODE_SYSTEM|" + model + "|" + code, "Code system " + code + " for " + model));
        }
    }
}
