package dev.siteready.project;

import dev.siteready.catalog.DataModel;
import dev.siteready.catalog.DataModelEvent;
import dev.siteready.catalog.DataModelField;
import dev.siteready.web.Option;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The project page: its scope rows, product requirements and workflows, editable in place. Rendered by the project's
 * own forms and by other features whose forms sit on it (saving the scope as an onboarding template).
 */
@ApplicationScoped
public class ProjectPages {

    public record RowView(UUID id, long version, String model, String direction, String method, String messagesPerDay,
            String peakPerHour, List<Option> events) {
    }

    public record ModelRequirements(UUID modelId, String model, List<Option> codeSystems, List<Option> fields) {
    }

    public record WorkflowView(UUID id, long version, String name, String description) {
    }

    /**
     * What was typed into the page's form that was refused, shown again with the problem: a row's form ({@code rowId}
     * "new" for the add-row form), the ticked requirements (null when not those), the new workflow, or the name of a
     * template to save the scope as.
     */
    public record RefusedInput(String rowId, ScopeRowForm row, RequirementsForm requirements, WorkflowForm workflow,
            String templateName) {
        public static final RefusedInput NONE = new RefusedInput("", ScopeRowForm.EMPTY, null, WorkflowForm.EMPTY, "");

        public static RefusedInput row(String rowId, ScopeRowForm form) {
            return new RefusedInput(rowId, form, null, WorkflowForm.EMPTY, "");
        }

        static RefusedInput requirements(RequirementsForm form) {
            return new RefusedInput("", ScopeRowForm.EMPTY, form, WorkflowForm.EMPTY, "");
        }

        public static RefusedInput workflow(WorkflowForm form) {
            return new RefusedInput("", ScopeRowForm.EMPTY, null, form, "");
        }

        public static RefusedInput templateName(String name) {
            return new RefusedInput("", ScopeRowForm.EMPTY, null, WorkflowForm.EMPTY, name);
        }
    }

    /** {@code version}: the project's, which the requirements form is saved over. */
    public record ProjectPage(UUID siteId, String siteName, UUID projectId, String projectName, String description,
            long version, List<RowView> rows, List<Option> models, List<Option> directions, List<Option> methods,
            List<Option> patientIds, List<Option> providerIds, List<ModelRequirements> requirements,
            List<WorkflowView> workflows, RefusedInput input, String problem) {
    }

    @CheckedTemplate(basePath = "ProjectResource")
    static class Templates {
        static native TemplateInstance project(ProjectPage page);
    }

    @Inject
    ScopeService scopes;

    /** The page with what was typed into one of its forms and the problem with it (or RefusedInput.NONE and null). */
    public TemplateInstance project(ProjectPage page) {
        return Templates.project(page);
    }

    /** Everything the page shows, in a fixed number of queries. */
    public ProjectPage page(Project project, RefusedInput input, String problem) {
        List<ScopeRow> rows = scopes.rows(project);
        List<ScopeRequirement> requirements = scopes.requirements(project);
        List<DataModel> models = DataModel.listByName();
        Map<UUID, List<DataModelEvent>> eventsByModel = DataModelEvent.listAll().stream()
                .collect(Collectors.groupingBy(e -> e.model.id));
        Map<UUID, List<DataModelField>> fieldsByModel = DataModelField.listAll().stream()
                .collect(Collectors.groupingBy(f -> f.model.id));

        List<RowView> rowViews = rows.stream().map(r -> {
            boolean typed = input.rowId().equals(r.id.toString());
            ScopeRowForm in = input.row();
            Set<String> checked = typed ? new HashSet<>(in.events())
                    : r.events.stream().map(e -> e.id.toString()).collect(Collectors.toSet());
            List<Option> events = eventsByModel.getOrDefault(r.model.id, List.of()).stream()
                    .map(e -> new Option(e.id.toString(), e.name, checked.contains(e.id.toString()))).toList();
            return new RowView(r.id, r.version, r.model.name, typed ? in.direction() : r.direction.name(),
                    typed ? in.connectionMethod() : r.connectionMethod.name(),
                    typed ? in.messagesPerDay() : r.messagesPerDay == null ? "" : r.messagesPerDay.toString(),
                    typed ? in.peakPerHour() : r.peakPerHour == null ? "" : r.peakPerHour.toString(), events);
        }).toList();

        RequirementsForm typed = input.requirements(); // refused ticks are shown as ticked, not what is stored
        Set<String> patient = typed != null ? new HashSet<>(typed.patientId()) : codes(requirements, ScopeRequirement.Kind.PATIENT_ID);
        Set<String> provider = typed != null ? new HashSet<>(typed.providerId()) : codes(requirements, ScopeRequirement.Kind.PROVIDER_ID);
        Set<String> codeSystems = typed != null ? new HashSet<>(typed.codeSystem())
                : requirements.stream().filter(r -> r.kind == ScopeRequirement.Kind.CODE_SYSTEM)
                        .map(r -> r.model.id + ":" + r.code).collect(Collectors.toSet());
        Set<String> fields = typed != null ? new HashSet<>(typed.field())
                : requirements.stream().filter(r -> r.kind == ScopeRequirement.Kind.FIELD)
                        .map(r -> r.field.id.toString()).collect(Collectors.toSet());
        Map<UUID, DataModel> inScope = new LinkedHashMap<>();
        rows.forEach(r -> inScope.putIfAbsent(r.model.id, r.model));
        requirements.stream().filter(r -> r.model != null).forEach(r -> inScope.putIfAbsent(r.model.id, r.model));
        List<ModelRequirements> perModel = inScope.values().stream().map(m -> new ModelRequirements(m.id, m.name,
                Hl7Tables.codes(Hl7Tables.CODE_SYSTEMS).stream().map(c -> new Option(m.id + ":" + c.code(),
                        c.code() + " · " + c.label(), codeSystems.contains(m.id + ":" + c.code()))).toList(),
                fieldsByModel.getOrDefault(m.id, List.of()).stream().map(f -> new Option(f.id.toString(),
                        f.path + " (" + f.type + ")", fields.contains(f.id.toString()))).toList())).toList();

        return new ProjectPage(project.site.id, project.site.name, project.id, project.name, project.description,
                project.version, rowViews,
                models.stream().map(m -> new Option(m.id.toString(), m.name, m.id.toString().equals(input.row().dataModel()))).toList(),
                Arrays.stream(Direction.values()).map(d -> new Option(d.name(), d.label, false)).toList(),
                Arrays.stream(ConnectionMethod.values()).map(c -> new Option(c.name(), c.label, false)).toList(),
                Hl7Tables.codes(Hl7Tables.IDENTIFIER_TYPES, Hl7Tables.PATIENT_ID_CODES).stream()
                        .map(c -> new Option(c.code(), c.code() + " · " + c.label(), patient.contains(c.code()))).toList(),
                Hl7Tables.codes(Hl7Tables.IDENTIFIER_TYPES, Hl7Tables.PROVIDER_ID_CODES).stream()
                        .map(c -> new Option(c.code(), c.code() + " · " + c.label(), provider.contains(c.code()))).toList(),
                perModel,
                scopes.workflows(project).stream().map(w -> new WorkflowView(w.id, w.version, w.name, w.description)).toList(),
                input, problem);
    }

    private static Set<String> codes(List<ScopeRequirement> requirements, ScopeRequirement.Kind kind) {
        return requirements.stream().filter(r -> r.kind == kind).map(r -> r.code).collect(Collectors.toSet());
    }
}
