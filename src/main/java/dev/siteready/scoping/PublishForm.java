package dev.siteready.scoping;

import dev.siteready.web.Forms;
import dev.siteready.web.PlainText;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;

/** Publishing a template's draft, with a note on what changed; {@code version}: the template's, as the form was shown. */
record PublishForm(
        @RestForm
        @Size(max = 500, message = PublishForm.PROBLEM)
        @PlainText(message = PublishForm.PROBLEM)
        String note,

        @RestForm String version) {

    static final String PROBLEM = "Keep the note to 500 characters of plain text.";

    public PublishForm {
        note = Forms.text(note).trim();
    }
}
