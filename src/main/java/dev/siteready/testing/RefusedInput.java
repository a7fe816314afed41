package dev.siteready.testing;

import dev.siteready.partner.ProjectLinkForm;

import java.util.UUID;

/**
 * A form of the testing page that was refused, shown again as typed with its problem (at most one per request);
 * NONE when the page is shown plainly.
 */
record RefusedInput(String problem, TestPhase.Kind phaseKind, PhaseForm phase, UUID itemId, ChecklistResultForm item,
        UUID issueId, IssueUpdateForm issue, NewScriptForm script, SignOffForm signOff, ProjectLinkForm link) {

    static final RefusedInput NONE = new RefusedInput(null, null, null, null, null, null, null, null, null, null);

    static RefusedInput phase(TestPhase.Kind kind, PhaseForm form, String problem) {
        return new RefusedInput(problem, kind, form, null, null, null, null, null, null, null);
    }

    static RefusedInput item(UUID itemId, ChecklistResultForm form, String problem) {
        return new RefusedInput(problem, null, null, itemId, form, null, null, null, null, null);
    }

    static RefusedInput issue(UUID issueId, IssueUpdateForm form, String problem) {
        return new RefusedInput(problem, null, null, null, null, issueId, form, null, null, null);
    }

    static RefusedInput script(NewScriptForm form, String problem) {
        return new RefusedInput(problem, null, null, null, null, null, null, form, null, null);
    }

    static RefusedInput signOff(SignOffForm form, String problem) {
        return new RefusedInput(problem, null, null, null, null, null, null, null, form, null);
    }

    static RefusedInput link(ProjectLinkForm form, String problem) {
        return new RefusedInput(problem, null, null, null, null, null, null, null, null, form);
    }

    /** The problem of the sign-off forms (the vendor's and the link's share one place on the page), or null. */
    String signProblem() {
        return signOff != null || link != null ? problem : null;
    }

    String scriptProblem() {
        return script != null ? problem : null;
    }
}
