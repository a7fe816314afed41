package dev.siteready.testing;

import dev.siteready.web.Forms;
import dev.siteready.web.Dates;
import dev.siteready.account.Actors;
import dev.siteready.account.MemberRole;
import dev.siteready.project.Project;
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
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One run of a test script, step by step: each step passed or failed with a note, issues logged against a step,
 * and the run passed (every step passed, no open blocking issue) or failed.
 */
@Path("/sites/{siteId}/projects/{projectId}/testing/runs")
@Produces(MediaType.TEXT_HTML)
public class TestRunResource {

    public record StepView(UUID id, int number, String action, String expected, String result, String resultLabel,
            String resultClass, String note, String recorded, long version, List<TestingResource.Option> results,
            String problem) {
    }

    public record IssueInput(String title, String severity, String side, String step, String resolution) {
        static final IssueInput NONE = new IssueInput("", "MAJOR", "VENDOR", "", "");
    }

    public record RunPage(UUID siteId, String siteName, UUID projectId, String projectName, String base, UUID runId,
            int number, UUID scriptId, String scriptName, String workflowName, String status, String statusClass,
            boolean inProgress, String started, String finished, List<StepView> steps, List<TestingResource.IssueView> issues,
            List<TestingResource.Option> severities, List<TestingResource.Option> sides, List<TestingResource.Option> stepOptions,
            IssueInput issueInput, String issueProblem, String passBlockedBy) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance run(RunPage page);

        static native TemplateInstance run$step(RunPage page, StepView step);
    }

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("{runId}")
    @Transactional
    public TemplateInstance show(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID runId) {
        return Templates.run(page(run(siteId, projectId, runId), null, null, null));
    }

    @POST
    @Path("{runId}/steps/{stepId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response recordStep(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID runId, @RestPath UUID stepId,
            @RestForm String result, @RestForm String note, @RestForm Long version, @RestHeader("HX-Request") boolean htmx) {
        TestRun run = run(siteId, projectId, runId);
        TestRun.getEntityManager().refresh(run, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE); // one change of a run at a time
        TestRunStep step = TestRunStep.find("id = ?1 and run = ?2", stepId, run).firstResult();
        if (step == null) {
            throw new NotFoundException();
        }
        TestResult r = TestResult.parse(result);
        String text = TestingResource.nz(note).trim();
        String problem = r == null ? "Choose the step's result: passed or failed."
                : !PlainText.Validator.fits(text, TestRunStep.MAX_NOTE) ? "Notes are plain text of up to " + TestRunStep.MAX_NOTE + " characters."
                : TestingResource.looksLikeMessage(text) ? "That looks like a message. Note what happened and the message's"
                        + " control ID, never its content: SiteReady keeps no patient data."
                : run.status != TestRun.Status.IN_PROGRESS ? "Run " + run.number + " is finished; start a new run to test again."
                : version == null || !version.equals(step.version) ? "Someone else recorded this step meanwhile. Your input is shown; save again to keep it."
                : null;
        if (problem != null) {
            int code = problem.startsWith("Someone") ? 409 : problem.startsWith("Run ") ? 409 : 400;
            StepView typed = stepView(step, TestingResource.nz(result), text, problem);
            RunPage page = page(run, typed, null, null);
            return Response.status(code).entity(htmx ? Templates.run$step(page, typed) : Templates.run(page)).build();
        }
        step.result = r;
        step.note = text;
        step.recordedBy = Actors.describe(identity);
        step.recordedAt = OffsetDateTime.now();
        if (htmx) {
            TestRunStep.flush();
            RunPage page = page(run, null, null, null);
            return Response.ok(Templates.run$step(page, page.steps().stream().filter(s -> s.id().equals(step.id)).findFirst().orElseThrow())).build();
        }
        return Flash.seeOther(base(run) + "#step-" + (step.position + 1), "Step " + (step.position + 1) + ": " + r.label.toLowerCase() + ".");
    }

    @POST
    @Path("{runId}/issues")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response logIssue(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID runId, @RestForm String title,
            @RestForm String severity, @RestForm String side, @RestForm String step, @RestForm String resolution) {
        TestRun run = run(siteId, projectId, runId);
        IssueInput input = new IssueInput(TestingResource.nz(title).trim(), TestingResource.nz(severity),
                TestingResource.nz(side), TestingResource.nz(step), TestingResource.nz(resolution).trim());
        TestIssue.Severity sev = Arrays.stream(TestIssue.Severity.values()).filter(v -> v.name().equals(input.severity())).findFirst().orElse(null);
        TestIssue.Side owner = Arrays.stream(TestIssue.Side.values()).filter(v -> v.name().equals(input.side())).findFirst().orElse(null);
        UUID stepId = Forms.uuid(input.step());
        TestRunStep linked = stepId == null ? null : TestRunStep.find("id = ?1 and run = ?2", stepId, run).firstResult();
        String problem = !PlainText.Validator.isName(input.title(), TestIssue.MAX_TITLE)
                ? "Give the issue a title, up to " + TestIssue.MAX_TITLE + " characters (e.g. \"ORC-12 arrives without NPI\")."
                : sev == null ? "Choose the issue's severity."
                : owner == null ? "Choose which side owns the issue: vendor, health system or integration platform."
                : !input.step().isEmpty() && linked == null ? "Link the issue to a step of this run, or to none."
                : !PlainText.Validator.fits(input.resolution(), TestIssue.MAX_RESOLUTION)
                        ? "The path to resolution is plain text of up to " + TestIssue.MAX_RESOLUTION + " characters."
                : TestingResource.looksLikeMessage(input.title(), input.resolution()) ? "That looks like a message. Describe the"
                        + " issue and name messages by their control ID: SiteReady never keeps message content."
                : null;
        if (problem != null) {
            return Response.status(400).entity(Templates.run(page(run, null, input, problem))).build();
        }
        TestRun.getEntityManager().refresh(run, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE); // not while the run is being passed
        TestPlan.lockNumbering("test_issue", run.project.id); // numbers the project's issues one at a time
        Number last = (Number) TestIssue.getEntityManager().createQuery("select max(i.number) from TestIssue i where i.project = ?1")
                .setParameter(1, run.project).getSingleResult();
        TestIssue issue = new TestIssue();
        issue.project = run.project;
        issue.number = last == null ? 1 : last.intValue() + 1;
        issue.run = run;
        issue.step = linked;
        issue.title = input.title();
        issue.severity = sev;
        issue.side = owner;
        issue.resolution = input.resolution();
        issue.createdBy = Actors.describe(identity);
        issue.persist();
        TestingActivity.record(run.project, issue.createdBy, "Issue #" + issue.number + " logged (" + sev.label.toLowerCase() + ", "
                + owner.label.toLowerCase() + "): " + issue.title);
        return Flash.seeOther(base(run) + "#issue-" + issue.number, "Issue #" + issue.number + " logged.");
    }

    @POST
    @Path("{runId}/finish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response finish(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID runId, @RestForm String outcome) {
        TestRun run = run(siteId, projectId, runId);
        TestRun.getEntityManager().refresh(run, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE); // one change of a run at a time
        if (run.status != TestRun.Status.IN_PROGRESS) {
            return Flash.seeOtherWithError(base(run), "Run " + run.number + " is " + run.status.label.toLowerCase()
                    + " already; start a new run to test again.");
        }
        TestRun.Status target = "PASSED".equals(outcome) ? TestRun.Status.PASSED : "FAILED".equals(outcome) ? TestRun.Status.FAILED : null;
        if (target == null) {
            return Flash.seeOtherWithError(base(run), "Choose whether the run passed or failed.");
        }
        if (target == TestRun.Status.PASSED) {
            String blocked = passBlockedBy(run, TestRunStep.listFor(run), TestIssue.list("run = ?1", run));
            if (blocked != null) {
                return Flash.seeOtherWithError(base(run), blocked);
            }
        }
        run.status = target;
        run.finishedBy = Actors.describe(identity);
        run.finishedAt = OffsetDateTime.now();
        TestingActivity.record(run.project, run.finishedBy, "Run " + run.number + " of \"" + run.script.name + "\" "
                + target.label.toLowerCase() + ".");
        return Flash.seeOther(base(run), "Run " + run.number + " " + target.label.toLowerCase() + ".");
    }

    /** Why the run cannot pass yet, or null: every step must have passed, and no blocking issue may be open. */
    static String passBlockedBy(TestRun run, List<TestRunStep> steps, List<TestIssue> issues) {
        long blocking = issues.stream().filter(TestIssue::blocksPassing).count();
        if (blocking > 0) {
            return "Run " + run.number + " cannot pass while " + (blocking == 1 ? "a blocking issue is" : blocking + " blocking issues are")
                    + " open. Resolve " + (blocking == 1 ? "it" : "them") + " first.";
        }
        List<String> notPassed = steps.stream().filter(s -> s.result != TestResult.PASSED)
                .map(s -> String.valueOf(s.position + 1)).toList();
        if (!notPassed.isEmpty()) {
            return "Run " + run.number + " passes when every step passed; not yet: step" + (notPassed.size() == 1 ? " " : "s ")
                    + String.join(", ", notPassed) + ".";
        }
        return null;
    }

    static String base(TestRun run) {
        return TestingResource.base(run.project) + "/runs/" + run.id;
    }

    /** The run, only if it belongs to that project of that site in this workspace; otherwise 404. */
    static TestRun run(UUID siteId, UUID projectId, UUID runId) {
        Project project = Project.require(siteId, projectId);
        TestRun run = TestRun.findIn(project, runId);
        if (run == null) {
            throw new NotFoundException();
        }
        return run;
    }

    private static StepView stepView(TestRunStep s, String result, String note, String problem) {
        String chosen = result != null ? result : s.result.name();
        return new StepView(s.id, s.position + 1, s.action, s.expected, chosen, s.result.label, s.result.cssClass(),
                note != null ? note : s.note, s.recordedAt == null ? "" : s.recordedBy + ", " + Dates.utc(s.recordedAt),
                s.version, Arrays.stream(TestResult.values()).filter(r -> r != TestResult.NOT_RUN)
                        .map(r -> new TestingResource.Option(r.name(), r.label, r.name().equals(chosen))).toList(), problem);
    }

    static RunPage page(TestRun run, StepView typedStep, IssueInput issueInput, String issueProblem) {
        return page(run, typedStep, issueInput, issueProblem, null);
    }

    static RunPage page(TestRun run, StepView typedStep, IssueInput issueInput, String issueProblem, TestingResource.IssueEdit edit) {
        Project project = run.project;
        List<TestRunStep> steps = TestRunStep.listFor(run);
        List<TestIssue> issues = TestIssue.find("from TestIssue i left join fetch i.step where i.run = ?1 order by i.number desc", run).list();
        IssueInput input = issueInput != null ? issueInput : IssueInput.NONE;
        List<StepView> stepViews = steps.stream().map(s -> typedStep != null && typedStep.id().equals(s.id) ? typedStep
                : stepView(s, null, null, null)).toList();
        return new RunPage(project.site.id, project.site.name, project.id, project.name, TestingResource.base(project), run.id,
                run.number, run.script.id, run.script.name, run.script.workflow == null ? "" : run.script.workflow.name,
                run.status.label, run.status.cssClass(), run.status == TestRun.Status.IN_PROGRESS,
                run.startedBy + ", " + Dates.utc(run.startedAt),
                run.finishedAt == null ? "" : run.finishedBy + ", " + Dates.utc(run.finishedAt), stepViews,
                issues.stream().map(i -> TestingResource.issueView(i, edit)).toList(),
                Arrays.stream(TestIssue.Severity.values()).map(v -> new TestingResource.Option(v.name(), v.label, v.name().equals(input.severity()))).toList(),
                Arrays.stream(TestIssue.Side.values()).map(v -> new TestingResource.Option(v.name(), v.label, v.name().equals(input.side()))).toList(),
                steps.stream().map(s -> new TestingResource.Option(s.id.toString(), "Step " + (s.position + 1) + ": " + shorten(s.action),
                        s.id.toString().equals(input.step()))).toList(),
                input, issueProblem, run.status == TestRun.Status.IN_PROGRESS ? passBlockedBy(run, steps, issues) : null);
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 59) + "…" : s;
    }
}
