package dev.siteready.retro;

import dev.siteready.web.Forms;
import dev.siteready.web.PlainText;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;

import java.time.LocalDate;
import java.util.Map;

/** The retrospective's date and summary (Markdown), saved over the version the editor started from. */
record DetailsForm(
        @RestForm String heldOn,

        @RestForm
        @Size(max = Retrospective.MAX_SUMMARY, message = DetailsForm.SUMMARY)
        @PlainText(message = DetailsForm.SUMMARY)
        String summary,

        @RestForm String version) {

    static final String HELD_ON = "Give the date the retrospective was held as a date between 2000 and 2099, or leave it empty.";
    static final String SUMMARY = "Keep the summary to 20,000 characters of text.";
    static final String STALE = "Someone else changed the summary while you were editing. Your text is shown; save again to replace theirs.";

    public DetailsForm {
        heldOn = Forms.text(heldOn).trim();
        summary = Forms.text(summary);
        version = Forms.text(version).trim();
    }

    @AssertTrue(message = HELD_ON)
    public boolean isHeldOnADate() {
        return heldOn.isEmpty() || Forms.date(heldOn) != null;
    }

    LocalDate heldOnDate() {
        return Forms.date(heldOn);
    }

    Map<String, String> typed() {
        return Map.of("heldOn", heldOn, "summary", summary);
    }
}
