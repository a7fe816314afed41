package dev.siteready.testing;

import dev.siteready.web.FormErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

import java.time.Clock;
import java.time.OffsetDateTime;

/** Moving an issue along with its path to resolution, never over a change saved meanwhile. */
@ApplicationScoped
class TestIssues {

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    public Outcome update(TestIssue issue, IssueUpdateForm form, String actor) {
        if (issue.run != null) {
            issue.run.lock(); // not while its run is being passed
        }
        FormErrors errors = FormErrors.of(validator.validate(form));
        String problem = FirstProblem.of(errors, form);
        if (problem == null && MessageContent.foundIn(form.resolution())) {
            problem = "That looks like a message. Describe the fix and name messages by their control ID: SiteReady never"
                    + " keeps message content.";
        }
        if (problem != null) {
            return Outcome.refused(400, problem);
        }
        if (form.version() == null || !form.version().equals(issue.version)) {
            return Outcome.refused(409, "Someone else changed issue #" + issue.number + " meanwhile (it is now "
                    + issue.status.label.toLowerCase() + "). Your input is shown; save again to keep it.");
        }
        TestIssue.Status target = TestIssue.Status.valueOf(form.status());
        if (!target.open() && form.resolution().isEmpty()) {
            return Outcome.refused(400, "Say how issue #" + issue.number + " was resolved (or why it will not be fixed) before"
                    + " closing it.");
        }
        TestIssue.Status before = issue.status;
        issue.moveTo(target, form.resolution(), OffsetDateTime.now(clock));
        TestingActivity.record(issue.project, actor, "Issue #" + issue.number + " " + before.label.toLowerCase() + " → "
                + target.label.toLowerCase() + ".");
        return Outcome.saved("Issue #" + issue.number + " is " + target.label.toLowerCase() + ".");
    }
}
