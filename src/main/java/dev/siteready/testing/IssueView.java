package dev.siteready.testing;

import dev.siteready.web.Dates;
import dev.siteready.web.Option;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** An issue as the testing, run and sign-off pages list it, with its update form (as typed when refused). */
record IssueView(UUID id, int number, String title, String severity, String severityClass, String side,
        String status, String statusClass, boolean open, String resolution, String where, UUID runId, String created,
        List<Option> statuses, long version, String typedResolution, String problem) {

    /** The issue; refused is its refused update form, or null (also when another issue's form was refused). */
    static IssueView of(TestIssue i, IssueEdit refused, String siteZone) {
        boolean mine = refused != null && refused.issueId().equals(i.id);
        String where = i.run == null ? "" : i.run.script.name + ", run " + i.run.number
                + (i.step == null ? "" : ", step " + i.step.number());
        return new IssueView(i.id, i.number, i.title, i.severity.label, i.severity.cssClass(), i.side.label, i.status.label,
                i.status.cssClass(), i.status.open(), i.resolution, where, i.run == null ? null : i.run.id,
                i.createdBy + ", " + Dates.at(i.createdAt, siteZone),
                Arrays.stream(TestIssue.Status.values()).map(s -> new Option(s.name(), s.label,
                        mine ? s.name().equals(refused.form().status()) : s == i.status)).toList(),
                i.version, mine ? refused.form().resolution() : i.resolution, mine ? refused.problem() : null);
    }

    /** An issue's update form that was refused, with its problem. */
    record IssueEdit(UUID issueId, IssueUpdateForm form, String problem) {
    }
}
