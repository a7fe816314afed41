package dev.siteready.retro;

import dev.siteready.catalog.DataModelEvent;
import dev.siteready.catalog.DataModelField;
import dev.siteready.project.Project;
import dev.siteready.project.ScopeService;
import dev.siteready.project.ScopeSpec;
import dev.siteready.scoping.Questionnaire;
import dev.siteready.scoping.QuestionnaireDefinition;
import dev.siteready.web.Option;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an item can be linked to, by name: the project's questionnaire questions, its scope requirements, and the
 * catalog events and fields of the data models in its scope.
 */
@ApplicationScoped
class ItemLinks {

    @Inject
    ScopeService scopes;

    public List<OptionGroup> options(Project project) {
        ScopeSpec scope = scopes.read(project);
        Set<String> models = scope.rows().stream().map(ScopeSpec.Row::dataModel).collect(Collectors.toCollection(LinkedHashSet::new));
        List<Option> events = DataModelEvent.listAll().stream().filter(e -> models.contains(e.model.name))
                .map(e -> Option.of("EVENT:" + e.model.name + "|" + e.name, e.model.name + " " + e.name)).toList();
        List<Option> fields = DataModelField.listAll().stream().filter(f -> models.contains(f.model.name))
                .map(f -> Option.of("FIELD:" + f.model.name + "|" + f.path, f.model.name + " " + f.path)).toList();
        return List.of(new OptionGroup("Questionnaire questions", questions(project)),
                new OptionGroup("Scope requirements", requirements(scope)),
                new OptionGroup("Catalog events in scope", events), new OptionGroup("Catalog fields in scope", fields));
    }

    /** The listed option with this value. */
    static Optional<Option> find(List<OptionGroup> groups, String value) {
        return groups.stream().flatMap(g -> g.options().stream()).filter(o -> o.value().equals(value)).findFirst();
    }

    private static List<Option> questions(Project project) {
        List<Option> questions = new ArrayList<>();
        Questionnaire questionnaire = Questionnaire.forProject(project.id);
        if (questionnaire != null) {
            for (QuestionnaireDefinition.Section s : questionnaire.definition().sections()) {
                s.questions().forEach(q -> questions.add(Option.of("QUESTION:" + q.key(),
                        s.title() + ": " + q.label().replace("{subject}", "…"))));
            }
        }
        return questions;
    }

    private static List<Option> requirements(ScopeSpec scope) {
        List<Option> requirements = new ArrayList<>();
        scope.requiredFields().forEach((model, paths) -> paths.forEach(p ->
                requirements.add(Option.of("REQUIREMENT:FIELD|" + model + "|" + p, "Required field " + model + " " + p))));
        scope.patientIdentifierTypes().forEach(c -> requirements.add(Option.of("REQUIREMENT:PATIENT_ID|" + c, "Patient ID type " + c)));
        scope.providerIdentifierTypes().forEach(c -> requirements.add(Option.of("REQUIREMENT:PROVIDER_ID|" + c, "Provider ID type " + c)));
        scope.codeSystems().forEach((model, codes) -> codes.forEach(c ->
                requirements.add(Option.of("REQUIREMENT:CODE_SYSTEM|" + model + "|" + c, "Code system " + c + " for " + model))));
        return requirements;
    }
}
