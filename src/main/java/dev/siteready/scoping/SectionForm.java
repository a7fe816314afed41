package dev.siteready.scoping;

import dev.siteready.web.Forms;
import dev.siteready.web.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;

/** A new section of a template's draft; {@code version} is the template's version the form was shown with. */
record SectionForm(
        @RestForm String version,

        @RestForm
        @NotBlank(message = SectionForm.PROBLEM)
        @Size(max = 120, message = SectionForm.PROBLEM)
        @PlainText(message = SectionForm.PROBLEM)
        String title,

        @RestForm
        @Size(max = 1000, message = SectionForm.PROBLEM)
        @PlainText(message = SectionForm.PROBLEM)
        String intro) {

    static final String PROBLEM = "Give the section a title of 1 to 120 characters and an introduction of up to 1,000.";

    public static final SectionForm EMPTY = new SectionForm(null, "", "");

    public SectionForm {
        title = Forms.text(title).trim();
        intro = Forms.text(intro).trim();
    }
}
