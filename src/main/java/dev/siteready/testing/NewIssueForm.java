package dev.siteready.testing;

import dev.siteready.web.Forms;
import dev.siteready.web.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;

/** An issue logged in a run: title and path to resolution (trimmed), severity, owning side, and the step, if any. */
record NewIssueForm(
        @RestForm
        @NotBlank(message = TITLE)
        @Size(max = TestIssue.MAX_TITLE, message = TITLE)
        @PlainText(message = TITLE)
        String title,

        @RestForm
        @Choice(value = TestIssue.Severity.class, message = "Choose the issue's severity.")
        String severity,

        @RestForm
        @Choice(value = TestIssue.Side.class, message = "Choose which side owns the issue: vendor, health system or integration"
                + " platform.")
        String side,

        @RestForm
        String step,

        @RestForm
        @Size(max = TestIssue.MAX_RESOLUTION, message = IssueUpdateForm.RESOLUTION)
        @PlainText(message = IssueUpdateForm.RESOLUTION)
        String resolution) {

    static final String TITLE = "Give the issue a title, up to " + TestIssue.MAX_TITLE + " characters (e.g. \"ORC-12 arrives"
            + " without NPI\").";

    static final NewIssueForm EMPTY = new NewIssueForm("", TestIssue.Severity.MAJOR.name(), TestIssue.Side.VENDOR.name(), "", "");

    public NewIssueForm {
        title = Forms.text(title).trim();
        severity = Forms.text(severity);
        side = Forms.text(side);
        step = Forms.text(step);
        resolution = Forms.text(resolution).trim();
    }
}
