package dev.siteready.testing;

import dev.siteready.web.Forms;
import dev.siteready.web.PlainText;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;

/** A run step's result and note (trimmed), as typed. */
record StepResultForm(
        @RestForm
        @Choice(value = TestResult.class, lenient = true, message = "Choose the step's result: passed or failed.")
        String result,

        @RestForm
        @Size(max = TestRunStep.MAX_NOTE, message = NOTE)
        @PlainText(message = NOTE)
        String note,

        @RestForm
        Long version) {

    static final String NOTE = "Notes are plain text of up to " + TestRunStep.MAX_NOTE + " characters.";

    public StepResultForm {
        result = Forms.text(result);
        note = Forms.text(note).trim();
    }
}
