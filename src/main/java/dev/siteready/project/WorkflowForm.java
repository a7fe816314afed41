package dev.siteready.project;

import dev.siteready.web.Forms;
import dev.siteready.web.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;

/** A new workflow of the project: its name and what it covers. */
record WorkflowForm(
        @RestForm
        @NotBlank(message = WorkflowForm.PROBLEM)
        @Size(max = 200, message = WorkflowForm.PROBLEM)
        @PlainText(message = WorkflowForm.PROBLEM)
        String name,

        @RestForm
        @Size(max = 4000, message = WorkflowForm.PROBLEM)
        @PlainText(message = WorkflowForm.PROBLEM)
        String description) {

    static final String PROBLEM = "Give the workflow a name (up to 200 characters) and a description of up to 4,000, without control characters.";

    public static final WorkflowForm EMPTY = new WorkflowForm("", "");

    public WorkflowForm {
        name = Forms.text(name).trim();
        description = Forms.text(description).trim();
    }
}
