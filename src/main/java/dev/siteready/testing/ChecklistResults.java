package dev.siteready.testing;

import dev.siteready.web.FormErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

import java.time.Clock;
import java.time.OffsetDateTime;

/** Recording a checklist item's result: with a reference as evidence, never over a result recorded meanwhile. */
@ApplicationScoped
class ChecklistResults {

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    public Outcome record(TestPlan plan, ChecklistItem item, ChecklistResultForm form, String actor) {
        String problem = problem(item, form);
        if (problem != null) {
            return Outcome.refused(400, problem);
        }
        if (form.version() == null || !form.version().equals(item.version)) {
            return Outcome.refused(409, "Someone else recorded a result for this item meanwhile. Your input is shown; save again"
                    + " to keep it.");
        }
        TestResult before = item.result;
        TestResult result = TestResult.parse(form.result());
        item.record(result, form.controlId(), form.logId(), form.note(), actor, OffsetDateTime.now(clock));
        TestingActivity.record(plan.project(), actor, "Checklist: " + item.describe() + " " + before.label.toLowerCase() + " → "
                + result.label.toLowerCase() + (form.controlId().isEmpty() ? "" : ", control ID " + form.controlId()) + ".");
        return Outcome.saved(item.describe() + ": " + result.label.toLowerCase() + ".");
    }

    private String problem(ChecklistItem item, ChecklistResultForm form) {
        String problem = FirstProblem.of(FormErrors.of(validator.validate(form)), form);
        if (problem != null) {
            return problem;
        }
        if (MessageContent.foundIn(form.controlId(), form.logId(), form.note())) {
            return "That looks like a message. Record a reference only (its control ID, MSH-10, or the platform's log id):"
                    + " SiteReady never keeps message content.";
        }
        if (!item.inScope) {
            return "This item is out of scope; its results are kept as history and cannot change.";
        }
        if (TestResult.parse(form.result()) == TestResult.PASSED && form.controlId().isEmpty() && form.logId().isEmpty()) {
            return "Give the message control ID or the platform's log id as evidence that the message was exchanged.";
        }
        return null;
    }
}
