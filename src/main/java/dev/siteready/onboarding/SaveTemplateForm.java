package dev.siteready.onboarding;

import dev.siteready.web.Forms;
import dev.siteready.web.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;

/** The name to save a project's scope under, as an onboarding template. */
record SaveTemplateForm(
        @RestForm
        @NotBlank(message = SaveTemplateForm.PROBLEM)
        @Size(max = 120, message = SaveTemplateForm.PROBLEM)
        @PlainText(message = SaveTemplateForm.PROBLEM)
        String name) {

    static final String PROBLEM = "Give the template a name of 1 to 120 characters.";

    public SaveTemplateForm {
        name = Forms.text(name).trim();
    }
}
