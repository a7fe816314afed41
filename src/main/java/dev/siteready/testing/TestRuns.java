package dev.siteready.testing;

import dev.siteready.web.FormErrors;
import dev.siteready.web.Forms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.NotFoundException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A run of a test script, step by step: each step passed or failed with a note, issues logged against a step, and the
 * run passed (every step passed, no open blocking issue) or failed. One change of a run at a time.
 */
@ApplicationScoped
class TestRuns {

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    public Outcome start(TestScript script, String actor) {
        if (script.steps.isEmpty()) {
            return Outcome.refused(303, "Write the script's steps before running it.");
        }
        TestRun run = TestRun.start(script, actor);
        TestingActivity.record(script.project, actor, "Run " + run.number + " of \"" + script.name + "\" started.");
        return Outcome.savedAt(TestingPaths.run(run), "Run " + run.number + " started: record each step's result.");
    }

    /** Records a step of the run; a step of another run is not found. */
    public Outcome recordStep(TestRun run, UUID stepId, StepResultForm form, String actor) {
        run.lock(); // read the step after the lock: one change of a run at a time
        TestRunStep step = TestRunStep.find("id = ?1 and run = ?2", stepId, run).firstResult();
        if (step == null) {
            throw new NotFoundException();
        }
        String problem = FirstProblem.of(FormErrors.of(validator.validate(form)), form);
        if (problem == null && MessageContent.foundIn(form.note())) {
            problem = "That looks like a message. Note what happened and the message's control ID, never its content:"
                    + " SiteReady keeps no patient data.";
        }
        if (problem != null) {
            return Outcome.refused(400, problem);
        }
        if (!run.inProgress()) {
            return Outcome.refused(409, "Run " + run.number + " is finished; start a new run to test again.");
        }
        if (form.version() == null || !form.version().equals(step.version)) {
            return Outcome.refused(409, "Someone else recorded this step meanwhile. Your input is shown; save again to keep it.");
        }
        TestResult result = TestResult.parse(form.result());
        step.record(result, form.note(), actor, OffsetDateTime.now(clock));
        return Outcome.savedAt(TestingPaths.run(run) + "#step-" + step.number(), "Step " + step.number() + ": "
                + result.label.toLowerCase() + ".");
    }

    public Outcome logIssue(TestRun run, NewIssueForm form, String actor) {
        UUID stepId = Forms.uuid(form.step());
        TestRunStep step = stepId == null ? null : TestRunStep.find("id = ?1 and run = ?2", stepId, run).firstResult();
        FormErrors errors = FormErrors.of(validator.validate(form));
        if (!form.step().isEmpty() && step == null) {
            errors.add("step", "Link the issue to a step of this run, or to none.");
        }
        String problem = FirstProblem.of(errors, form);
        if (problem == null && MessageContent.foundIn(form.title(), form.resolution())) {
            problem = "That looks like a message. Describe the issue and name messages by their control ID: SiteReady never"
                    + " keeps message content.";
        }
        if (problem != null) {
            return Outcome.refused(400, problem);
        }
        run.lock(); // not while the run is being passed
        TestIssue.Severity severity = TestIssue.Severity.valueOf(form.severity());
        TestIssue.Side side = TestIssue.Side.valueOf(form.side());
        TestIssue issue = TestIssue.log(run, step, form.title(), severity, side, form.resolution(), actor);
        TestingActivity.record(run.project, actor, "Issue #" + issue.number + " logged (" + severity.label.toLowerCase() + ", "
                + side.label.toLowerCase() + "): " + issue.title);
        return Outcome.savedAt(TestingPaths.run(run) + "#issue-" + issue.number, "Issue #" + issue.number + " logged.");
    }

    /** Passes or fails the run; a finished run stays as it is. */
    public Outcome finish(TestRun run, String outcome, String actor) {
        run.lock();
        if (!run.inProgress()) {
            return Outcome.refused(303, "Run " + run.number + " is " + run.status.label.toLowerCase() + " already; start a new"
                    + " run to test again.");
        }
        TestRun.Status target = "PASSED".equals(outcome) ? TestRun.Status.PASSED : "FAILED".equals(outcome) ? TestRun.Status.FAILED : null;
        if (target == null) {
            return Outcome.refused(303, "Choose whether the run passed or failed.");
        }
        if (target == TestRun.Status.PASSED) {
            String blocked = run.passBlockedBy(TestRunStep.listFor(run), TestIssue.list("run = ?1", run));
            if (blocked != null) {
                return Outcome.refused(303, blocked);
            }
        }
        run.finish(target, actor, OffsetDateTime.now(clock));
        TestingActivity.record(run.project, actor, "Run " + run.number + " of \"" + run.script.name + "\" " + target.label.toLowerCase() + ".");
        return Outcome.saved("Run " + run.number + " " + target.label.toLowerCase() + ".");
    }
}
