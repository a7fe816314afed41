package dev.siteready.project;

import dev.siteready.catalog.DataModel;
import dev.siteready.catalog.DataModelEvent;
import dev.siteready.catalog.DataModelField;
import dev.siteready.web.FormErrors;
import dev.siteready.web.Forms;
import dev.siteready.web.Names;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.NotFoundException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The changes made on the project page, one form at a time: scope rows, requirements and workflows. */
@ApplicationScoped
class ScopeEdits {

    @Inject
    ScopeService scopes;

    @Inject
    Validator validator;

    /** A data model added to the scope; its event types are ticked on the row afterwards. */
    @Transactional
    public ScopeEdit addRow(Project project, ScopeRowForm form) {
        project.lockFresh();
        UUID modelId = Forms.uuid(form.dataModel());
        DataModel model = modelId == null ? null : DataModel.findById(modelId);
        String problem = model == null ? "Choose a data model from the catalog." : form.problem();
        if (problem != null) {
            return ScopeEdit.refused(400, problem);
        }
        ScopeRow row = new ScopeRow();
        row.project = project;
        row.model = model;
        form.applyTo(row);
        row.position = (int) ScopeRow.count("project", project);
        row.persist();
        return ScopeEdit.done(path(project) + "#row-" + row.id, model.name + " added to the scope: now tick its event types.");
    }

    /** A row saved with its ticked event types (of its data model only), over the version the form was shown with. */
    @Transactional
    public ScopeEdit updateRow(Project project, UUID rowId, ScopeRowForm form) {
        project.lockFresh();
        ScopeRow row = row(project, rowId);
        row.lockFresh(); // also waits for a change made without the project's lock
        String problem = form.problem();
        List<UUID> ids = form.events().stream().map(Forms::uuid).toList();
        List<DataModelEvent> picked = ids.contains(null) ? List.of()
                : DataModelEvent.list("id in ?1 and model = ?2", ids, row.model); // one query for all ticks
        if (picked.size() != new HashSet<>(ids).size()) {
            problem = "Choose event types of " + row.model.name + " only.";
        }
        if (problem == null && (form.version() == null || !form.version().equals(row.version))) {
            return ScopeEdit.refused(409, "Someone else changed this row while you were editing. Your choices are shown;"
                    + " save again to keep them.");
        }
        if (problem != null) {
            return ScopeEdit.refused(400, problem);
        }
        form.applyTo(row);
        row.events.clear();
        row.events.addAll(picked);
        return ScopeEdit.done(path(project) + "#row-" + row.id, row.model.name + " saved.");
    }

    @Transactional
    public ScopeEdit removeRow(Project project, UUID rowId) {
        project.lockFresh();
        ScopeRow row = row(project, rowId);
        String name = row.model.name;
        row.delete();
        return ScopeEdit.done(path(project), name + " removed from the scope.");
    }

    /**
     * The requirements replaced by the ticked ones, over the project's version the form was shown with; ids the catalog
     * does not have are left out.
     */
    @Transactional
    public ScopeEdit saveRequirements(Project project, RequirementsForm form) {
        project.lockFresh();
        if (form.version() == null || !form.version().equals(project.version)) {
            return ScopeEdit.refused(409, "Someone else saved the requirements while you were editing. Your ticks are"
                    + " shown; save again to keep them.");
        }
        ScopeService.CatalogSnapshot catalog = scopes.snapshot();
        Map<UUID, DataModel> models = catalog.models().values().stream().collect(Collectors.toMap(m -> m.id, m -> m));
        Map<UUID, DataModelField> fieldsById = catalog.fields().values().stream().collect(Collectors.toMap(f -> f.id, f -> f));
        Map<String, List<String>> codes = new LinkedHashMap<>();
        for (String value : form.codeSystem()) {
            int colon = value == null ? -1 : value.indexOf(':');
            DataModel model = colon < 0 ? null : models.get(Forms.uuid(value.substring(0, colon)));
            if (model != null) {
                codes.computeIfAbsent(model.name, k -> new ArrayList<>()).add(value.substring(colon + 1));
            }
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (String value : form.field()) {
            DataModelField f = fieldsById.get(Forms.uuid(value));
            if (f != null) {
                fields.computeIfAbsent(f.model.name, k -> new ArrayList<>()).add(f.path);
            }
        }
        try {
            scopes.replaceRequirements(project, new ScopeSpec(List.of(), fields, form.patientId(), form.providerId(), codes, List.of()));
        } catch (ScopeException e) {
            return ScopeEdit.refused(400, String.join(" ", e.problems.values()));
        }
        return ScopeEdit.done(path(project) + "#requirements-heading", "Requirements saved.");
    }

    @Transactional
    public ScopeEdit addWorkflow(Project project, WorkflowForm form) {
        project.lockFresh();
        FormErrors errors = FormErrors.of(validator.validate(form));
        if (errors.any()) {
            return ScopeEdit.refused(400, errors.all().values().iterator().next());
        }
        if (Workflow.nameTaken(project, form.name())) {
            return ScopeEdit.refused(400, duplicateWorkflow(form.name()));
        }
        Workflow workflow = new Workflow();
        workflow.project = project;
        workflow.name = Names.normalize(form.name());
        workflow.description = form.description();
        workflow.position = (int) Workflow.count("project", project);
        workflow.persist();
        return ScopeEdit.done(path(project) + "#workflows-heading", "Workflow added.");
    }

    static String duplicateWorkflow(String name) {
        return "This project has a workflow called " + Names.normalize(name) + " already. Give this one another name.";
    }

    @Transactional
    public ScopeEdit removeWorkflow(Project project, UUID workflowId, Long version) {
        project.lockFresh();
        Workflow workflow = Workflow.find("id = ?1 and project = ?2", workflowId, project).firstResult();
        if (workflow == null) {
            throw new NotFoundException();
        }
        if (version == null || !version.equals(workflow.version)) {
            return ScopeEdit.refused(409, "Someone else changed the workflow " + workflow.name + " since the page was shown;"
                    + " it was not removed. Check it and remove it again if you still want to.");
        }
        workflow.delete();
        return ScopeEdit.done(path(project) + "#workflows-heading", "Workflow " + workflow.name + " removed.");
    }

    /** The scope row, only if it belongs to that project; otherwise 404. */
    private static ScopeRow row(Project project, UUID rowId) {
        ScopeRow row = ScopeRow.find("id = ?1 and project = ?2", rowId, project).firstResult();
        if (row == null) {
            throw new NotFoundException();
        }
        return row;
    }

    private static String path(Project project) {
        return "/sites/" + project.site.id + "/projects/" + project.id;
    }
}
