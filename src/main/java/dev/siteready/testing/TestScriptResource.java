package dev.siteready.testing;

import dev.siteready.web.Forms;
import dev.siteready.web.Dates;
import dev.siteready.account.Actors;
import dev.siteready.account.MemberRole;
import dev.siteready.project.Project;
import dev.siteready.project.Workflow;
import dev.siteready.scoping.QuestionnaireViews;
import dev.siteready.web.Flash;
import dev.siteready.web.PlainText;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Integrated test scripts of a project: create (optionally from a workspace template), edit steps, start runs. */
@Path("/sites/{siteId}/projects/{projectId}/testing/scripts")
@Produces(MediaType.TEXT_HTML)
public class TestScriptResource {

    static final int BLANK_ROWS = 3;

    public record StepInput(String action, String expected) {
    }

    public record RunView(UUID id, int number, String status, String statusClass, String started, String finished,
            long openIssues) {
    }

    public record ScriptPage(UUID siteId, String siteName, UUID projectId, String projectName, String base, UUID scriptId,
            String name, String description, String workflowId, String workflowName, long version,
            List<TestingResource.Option> workflows, List<StepInput> steps, List<RunView> runs, String problem,
            String templateName, String templateProblem) {
        ScriptPage withTemplate(String typedName, String why) {
            return new ScriptPage(siteId, siteName, projectId, projectName, base, scriptId, name, description, workflowId,
                    workflowName, version, workflows, steps, runs, problem, typedName, why);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance script(ScriptPage page);
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    TestingResource testing;

    @Inject
    dev.siteready.tenant.TenantContext tenant;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response create(@RestPath UUID siteId, @RestPath UUID projectId, @RestForm String name, @RestForm String workflow,
            @RestForm String template) {
        Project project = Project.require(siteId, projectId);
        String base = TestingResource.base(project);
        Workflow w = workflow(project, workflow);
        String title = TestingResource.nz(name).trim();
        TestScriptTemplate from = null;
        UUID templateId = Forms.uuid(template);
        if (templateId != null) {
            from = TestScriptTemplate.findById(templateId);
        }
        if (title.isEmpty() && from != null) {
            title = from.name;
        }
        String problem = template != null && !template.isBlank() && from == null ? "Choose one of the workspace's script templates."
                : w == null ? "Choose the workflow the script tests."
                : !PlainText.Validator.isName(title, 200) ? "Name the script, up to 200 characters (e.g. \"Order → result, happy path\")."
                : null;
        if (problem != null) {
            TestingResource.ScriptInput input = new TestingResource.ScriptInput(TestingResource.nz(name),
                    TestingResource.nz(workflow), TestingResource.nz(template));
            return Response.status(400).entity(TestingResource.Templates.testing(testing.page(
                    TestPlan.load(tenant.requireWorkspaceId(), project), TestingResource.Typed.script(input, problem)))).build();
        }
        TestScript script = new TestScript();
        script.project = project;
        script.workflow = w;
        script.name = title;
        if (from != null) {
            script.description = from.description;
            script.steps = List.copyOf(from.steps);
        }
        script.persist();
        TestingActivity.record(project, Actors.describe(identity), "Test script \"" + title + "\" created for " + w.name
                + (from == null ? "" : " from the template " + from.name) + ".");
        return Flash.seeOther(base + "/scripts/" + script.id, "Script created." + (from == null ? " Now write its steps." : ""));
    }

    @GET
    @Path("{scriptId}")
    @Transactional
    public TemplateInstance show(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID scriptId) {
        TestScript script = script(siteId, projectId, scriptId);
        return Templates.script(page(script, null, null, null, null, null));
    }

    @POST
    @Path("{scriptId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response save(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID scriptId, @RestForm String name,
            @RestForm String workflow, @RestForm String description, @RestForm List<String> action,
            @RestForm List<String> expected, @RestForm Long version) {
        TestScript script = script(siteId, projectId, scriptId);
        List<StepInput> typed = new ArrayList<>();
        List<String> actions = action == null ? List.of() : action;
        List<String> expectations = expected == null ? List.of() : expected;
        for (int i = 0; i < Math.max(actions.size(), expectations.size()); i++) {
            typed.add(new StepInput(i < actions.size() ? TestingResource.nz(actions.get(i)) : "",
                    i < expectations.size() ? TestingResource.nz(expectations.get(i)) : ""));
        }
        String title = TestingResource.nz(name).trim();
        String text = TestingResource.nz(description);
        Workflow w = workflow(script.project, workflow);
        List<ScriptStep> steps = typed.stream().filter(s -> !s.action().isBlank() || !s.expected().isBlank())
                .map(s -> new ScriptStep(s.action().trim(), s.expected().trim())).toList();
        String problem = null;
        boolean staysOrphan = w == null && script.workflow == null && TestingResource.nz(workflow).isBlank();
        if (!PlainText.Validator.isName(title, 200)) {
            problem = "Name the script, up to 200 characters.";
        } else if (w == null && !staysOrphan) {
            problem = "Choose the workflow the script tests.";
        } else if (!PlainText.Validator.fits(text, 4000)) {
            problem = "The description is plain text of up to 4,000 characters.";
        } else if (steps.size() > ScriptStep.MAX_STEPS) {
            problem = "A script has at most " + ScriptStep.MAX_STEPS + " steps; split it into several scripts.";
        } else {
            for (int i = 0; i < steps.size() && problem == null; i++) {
                ScriptStep s = steps.get(i);
                if (s.action().isEmpty()) {
                    problem = "Step " + (i + 1) + " has an expected result but no action: say what to do.";
                } else if (!PlainText.Validator.fits(s.action(), ScriptStep.MAX_TEXT) || !PlainText.Validator.fits(s.expected(), ScriptStep.MAX_TEXT)) {
                    problem = "Step " + (i + 1) + ": actions and expected results are plain text of up to " + ScriptStep.MAX_TEXT + " characters.";
                }
            }
        }
        if (problem == null && !staysOrphan && !w.id.equals(script.workflow == null ? null : script.workflow.id)
                && TestRun.count("script", script) > 0) {
            problem = "This script has runs for " + (script.workflow == null ? "a removed workflow" : "the workflow " + script.workflow.name)
                    + ", so it stays with it. Make a new script for the other workflow.";
        }
        if (problem == null && (version == null || !version.equals(script.version))) {
            return Response.status(409).entity(Templates.script(page(script, title, text, workflow, typed,
                    "Someone else changed this script while you were editing. Your input is shown; save again to keep it."))).build();
        }
        if (problem != null) {
            return Response.status(400).entity(Templates.script(page(script, title, text, workflow, typed, problem))).build();
        }
        script.name = title;
        script.description = text;
        script.workflow = w;
        script.steps = steps;
        return Flash.seeOther(base(script), "Script saved with " + steps.size() + (steps.size() == 1 ? " step." : " steps."));
    }

    @POST
    @Path("{scriptId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response delete(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID scriptId) {
        TestScript script = script(siteId, projectId, scriptId);
        TestingActivity.record(script.project, Actors.describe(identity), "Test script \"" + script.name + "\" deleted with its runs.");
        script.delete();
        return Flash.seeOther(TestingResource.base(script.project) + "#integrated", "Script " + script.name + " and its runs were deleted."
                + " Issues found in them stay in the issue list.");
    }

    @POST
    @Path("{scriptId}/template")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response saveAsTemplate(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID scriptId,
            @RestForm String name) {
        TestScript script = script(siteId, projectId, scriptId);
        String title = TestingResource.nz(name).trim();
        String problem = !PlainText.Validator.isName(title, 200) ? "Name the template, up to 200 characters."
                : TestScriptTemplate.nameTaken(title) ? "The workspace has a script template named \"" + title
                        + "\" already. Choose another name."
                : null;
        if (problem != null) {
            ScriptPage page = page(script, null, null, null, null, null);
            return Response.status(400).entity(Templates.script(page.withTemplate(TestingResource.nz(name), problem))).build();
        }
        TestScriptTemplate template = new TestScriptTemplate();
        template.name = title;
        template.description = script.description;
        template.steps = List.copyOf(script.steps);
        template.createdBy = Actors.describe(identity);
        template.persist();
        return Flash.seeOther(base(script), "Saved as the script template \"" + title + "\": every project of the workspace can start from it.");
    }

    @POST
    @Path("{scriptId}/runs")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response startRun(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID scriptId) {
        TestScript script = script(siteId, projectId, scriptId);
        if (script.steps.isEmpty()) {
            return Flash.seeOtherWithError(base(script), "Write the script's steps before running it.");
        }
        TestPlan.lockNumbering("test_run", script.id); // numbers the script's runs one at a time
        Number last = (Number) TestRun.getEntityManager().createQuery("select max(r.number) from TestRun r where r.script = ?1")
                .setParameter(1, script).getSingleResult();
        TestRun run = new TestRun();
        run.project = script.project;
        run.script = script;
        run.number = last == null ? 1 : last.intValue() + 1;
        run.startedBy = Actors.describe(identity);
        run.persist();
        for (int i = 0; i < script.steps.size(); i++) {
            TestRunStep step = new TestRunStep();
            step.run = run;
            step.position = i;
            step.action = script.steps.get(i).action();
            step.expected = script.steps.get(i).expected();
            step.persist();
        }
        TestingActivity.record(script.project, run.startedBy, "Run " + run.number + " of \"" + script.name + "\" started.");
        return Flash.seeOther(TestingResource.base(script.project) + "/runs/" + run.id, "Run " + run.number + " started: record each step's result.");
    }

    private static String base(TestScript script) {
        return TestingResource.base(script.project) + "/scripts/" + script.id;
    }

    /** The script, only if it belongs to that project of that site in this workspace; otherwise 404. */
    static TestScript script(UUID siteId, UUID projectId, UUID scriptId) {
        Project project = Project.require(siteId, projectId);
        TestScript script = TestScript.findIn(project, scriptId);
        if (script == null) {
            throw new NotFoundException();
        }
        return script;
    }

    private static Workflow workflow(Project project, String value) {
        UUID id = Forms.uuid(value);
        return id == null ? null : Workflow.find("id = ?1 and project = ?2", id, project).firstResult();
    }

    private ScriptPage page(TestScript script, String name, String description, String workflowId, List<StepInput> typed,
            String problem) {
        Project project = script.project;
        String chosen = workflowId != null ? workflowId : script.workflow == null ? "" : script.workflow.id.toString();
        List<TestingResource.Option> workflows = Workflow.listFor(project).stream()
                .map(w -> new TestingResource.Option(w.id.toString(), w.name, w.id.toString().equals(chosen))).toList();
        List<StepInput> steps = new ArrayList<>(typed != null ? typed
                : script.steps.stream().map(s -> new StepInput(s.action(), s.expected())).toList());
        for (int i = 0; i < BLANK_ROWS; i++) {
            steps.add(new StepInput("", ""));
        }
        var openPerRun = TestIssue.<TestIssue>list("run.script = ?1 and status in ?2", script,
                List.of(TestIssue.Status.OPEN, TestIssue.Status.IN_PROGRESS)).stream()
                .collect(java.util.stream.Collectors.groupingBy(i -> i.run.id, java.util.stream.Collectors.counting()));
        List<RunView> runs = TestRun.<TestRun>list("script = ?1 order by number desc", script).stream()
                .map(r -> new RunView(r.id, r.number, r.status.label, r.status.cssClass(), r.startedBy + ", "
                        + Dates.utc(r.startedAt), r.finishedAt == null ? "" : r.finishedBy + ", "
                        + Dates.utc(r.finishedAt), openPerRun.getOrDefault(r.id, 0L))).toList();
        return new ScriptPage(project.site.id, project.site.name, project.id, project.name, TestingResource.base(project),
                script.id, name != null ? name : script.name, description != null ? description : script.description, chosen,
                script.workflow == null ? "" : script.workflow.name, script.version, workflows, steps, runs, problem,
                script.name, null);
    }
}
