package dev.siteready.testing;

import dev.siteready.web.Forms;
import dev.siteready.web.PlainText;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;

/** A checklist item's result with its evidence (a reference, never the message), as typed (trimmed). */
record ChecklistResultForm(
        @RestForm
        @Choice(value = TestResult.class, lenient = true, message = "Choose a result: not run, passed or failed.")
        String result,

        @RestForm
        @Size(max = ChecklistItem.MAX_CONTROL_ID, message = EVIDENCE)
        @PlainText(message = EVIDENCE)
        String controlId,

        @RestForm
        @Size(max = ChecklistItem.MAX_LOG_ID, message = EVIDENCE)
        @PlainText(message = EVIDENCE)
        String logId,

        @RestForm
        @Size(max = ChecklistItem.MAX_NOTE, message = EVIDENCE)
        @PlainText(message = EVIDENCE)
        String note,

        @RestForm
        Long version) {

    static final String EVIDENCE = "Evidence is a reference: a control ID up to " + ChecklistItem.MAX_CONTROL_ID
            + " characters, a log id up to " + ChecklistItem.MAX_LOG_ID + ", a note up to " + ChecklistItem.MAX_NOTE
            + ", without control characters.";

    public ChecklistResultForm {
        result = Forms.text(result);
        controlId = Forms.text(controlId).trim();
        logId = Forms.text(logId).trim();
        note = Forms.text(note).trim();
    }
}
