package dev.siteready.testing;

import dev.siteready.web.Forms;
import dev.siteready.web.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;

/** The name to save a script under as a workspace template (trimmed). */
record ScriptTemplateForm(
        @RestForm
        @NotBlank(message = NAME)
        @Size(max = TestScript.MAX_NAME, message = NAME)
        @PlainText(message = NAME)
        String name) {

    static final String NAME = "Name the template, up to " + TestScript.MAX_NAME + " characters.";

    public ScriptTemplateForm {
        name = Forms.text(name).trim();
    }
}
