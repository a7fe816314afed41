package dev.siteready.scoping;

import dev.siteready.web.Forms;
import dev.siteready.web.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;

/** The name of a new questionnaire template. */
record TemplateNameForm(
        @RestForm
        @NotBlank(message = TemplateNameForm.PROBLEM)
        @Size(max = 120, message = TemplateNameForm.PROBLEM)
        @PlainText(message = TemplateNameForm.PROBLEM)
        String name) {

    static final String PROBLEM = "Give the template a name of 1 to 120 characters.";

    public TemplateNameForm {
        name = Forms.text(name).trim();
    }
}
