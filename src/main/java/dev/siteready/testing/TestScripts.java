package dev.siteready.testing;

import dev.siteready.project.Project;
import dev.siteready.project.Workflow;
import dev.siteready.web.FormErrors;
import dev.siteready.web.Forms;
import dev.siteready.web.PlainText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

import java.util.List;
import java.util.UUID;

/**
 * Integrated test scripts of a project: created (optionally from a workspace template) for a workflow, edited (a script
 * with runs stays with its workflow), saved as workspace templates, deleted with their runs.
 */
@ApplicationScoped
class TestScripts {

    @Inject
    Validator validator;

    public Outcome create(Project project, NewScriptForm form, String actor) {
        Workflow workflow = workflow(project, form.workflow());
        UUID templateId = Forms.uuid(form.template());
        TestScriptTemplate from = templateId == null ? null : TestScriptTemplate.findById(templateId);
        String name = form.name().isEmpty() && from != null ? from.name : form.name();
        String problem = !form.template().isBlank() && from == null ? "Choose one of the workspace's script templates."
                : workflow == null ? "Choose the workflow the script tests."
                : name.isEmpty() ? NewScriptForm.NAME
                : FirstProblem.of(FormErrors.of(validator.validate(form)), form);
        if (problem != null) {
            return Outcome.refused(400, problem);
        }
        TestScript script = TestScript.create(project, workflow, name, from);
        TestingActivity.record(project, actor, "Test script \"" + name + "\" created for " + workflow.name
                + (from == null ? "" : " from the template " + from.name) + ".");
        return Outcome.savedAt(TestingPaths.script(script), "Script created." + (from == null ? " Now write its steps." : ""));
    }

    public Outcome save(TestScript script, ScriptForm form) {
        Workflow workflow = workflow(script.project, form.workflow());
        boolean staysOrphan = workflow == null && script.workflow == null && form.workflow().isBlank();
        List<ScriptStep> steps = form.steps();
        FormErrors errors = FormErrors.of(validator.validate(form));
        if (workflow == null && !staysOrphan) {
            errors.add("workflow", "Choose the workflow the script tests.");
        }
        String problem = FirstProblem.of(errors, form);
        if (problem == null) {
            problem = stepsProblem(steps);
        }
        if (problem == null && !staysOrphan && !workflow.id.equals(script.workflow == null ? null : script.workflow.id)
                && TestRun.count("script", script) > 0) {
            problem = "This script has runs for " + (script.workflow == null ? "a removed workflow" : "the workflow "
                    + script.workflow.name) + ", so it stays with it. Make a new script for the other workflow.";
        }
        if (problem != null) {
            return Outcome.refused(400, problem);
        }
        if (form.version() == null || !form.version().equals(script.version)) {
            return Outcome.refused(409, "Someone else changed this script while you were editing. Your input is shown; save"
                    + " again to keep it.");
        }
        script.edit(form.name(), form.description(), workflow, steps);
        return Outcome.saved("Script saved with " + steps.size() + (steps.size() == 1 ? " step." : " steps."));
    }

    public Outcome saveAsTemplate(TestScript script, ScriptTemplateForm form, String actor) {
        String problem = FirstProblem.of(FormErrors.of(validator.validate(form)), form);
        if (problem == null && TestScriptTemplate.nameTaken(form.name())) {
            problem = "The workspace has a script template named \"" + form.name() + "\" already. Choose another name.";
        }
        if (problem != null) {
            return Outcome.refused(400, problem);
        }
        TestScriptTemplate.saveFrom(script, form.name(), actor);
        return Outcome.saved("Saved as the script template \"" + form.name() + "\": every project of the workspace can start"
                + " from it.");
    }

    /** Deletes the script with its runs; issues found in them stay. Says so. */
    public String delete(TestScript script, String actor) {
        TestingActivity.record(script.project, actor, "Test script \"" + script.name + "\" deleted with its runs.");
        script.delete();
        return "Script " + script.name + " and its runs were deleted. Issues found in them stay in the issue list.";
    }

    private static String stepsProblem(List<ScriptStep> steps) {
        if (steps.size() > ScriptStep.MAX_STEPS) {
            return "A script has at most " + ScriptStep.MAX_STEPS + " steps; split it into several scripts.";
        }
        for (int i = 0; i < steps.size(); i++) {
            ScriptStep s = steps.get(i);
            if (s.action().isEmpty()) {
                return "Step " + (i + 1) + " has an expected result but no action: say what to do.";
            }
            if (!PlainText.Validator.fits(s.action(), ScriptStep.MAX_TEXT) || !PlainText.Validator.fits(s.expected(), ScriptStep.MAX_TEXT)) {
                return "Step " + (i + 1) + ": actions and expected results are plain text of up to " + ScriptStep.MAX_TEXT
                        + " characters.";
            }
        }
        return null;
    }

    private static Workflow workflow(Project project, String value) {
        UUID id = Forms.uuid(value);
        return id == null ? null : Workflow.find("id = ?1 and project = ?2", id, project).firstResult();
    }
}
