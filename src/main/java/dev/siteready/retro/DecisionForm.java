package dev.siteready.retro;

import dev.siteready.web.Forms;
import dev.siteready.web.PlainText;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;

import java.util.Map;

/** A manager's decision on a proposal: the note (why; needed to reject) and the version of the proposal they saw. */
record DecisionForm(
        @RestForm
        @Size(max = 1000, message = DecisionForm.NOTE)
        @PlainText(message = DecisionForm.NOTE)
        String note,

        @RestForm String version) {

    static final String NOTE = "Keep the note to 1,000 characters of text.";

    public DecisionForm {
        note = Forms.text(note).strip();
        version = Forms.text(version).strip();
    }

    Map<String, String> typed() {
        return Map.of("note", note);
    }
}
