package dev.siteready.testing;

import dev.siteready.web.Forms;
import dev.siteready.web.PlainText;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;

/** An issue's status and path to resolution (trimmed); back is "run" when sent from the issue's run page. */
record IssueUpdateForm(
        @RestForm
        @Choice(value = TestIssue.Status.class, message = "Choose the issue's status.")
        String status,

        @RestForm
        @Size(max = TestIssue.MAX_RESOLUTION, message = RESOLUTION)
        @PlainText(message = RESOLUTION)
        String resolution,

        @RestForm
        String back,

        @RestForm
        Long version) {

    static final String RESOLUTION = "The path to resolution is plain text of up to " + TestIssue.MAX_RESOLUTION + " characters.";

    public IssueUpdateForm {
        status = Forms.text(status);
        resolution = Forms.text(resolution).trim();
        back = Forms.text(back);
    }

    boolean fromRun() {
        return "run".equals(back);
    }
}
