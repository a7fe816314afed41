package dev.siteready.testing;

import dev.siteready.web.Forms;
import dev.siteready.web.PlainText;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;

/** A new test script: from a workspace template or empty, for a workflow, named (the template's name when left empty). */
record NewScriptForm(
        @RestForm
        String template,

        @RestForm
        String workflow,

        @RestForm
        @Size(max = TestScript.MAX_NAME, message = NAME)
        @PlainText(message = NAME)
        String name) {

    static final String NAME = "Name the script, up to " + TestScript.MAX_NAME + " characters (e.g. \"Order → result, happy path\").";

    static final NewScriptForm EMPTY = new NewScriptForm("", "", "");

    public NewScriptForm {
        template = Forms.text(template);
        workflow = Forms.text(workflow);
        name = Forms.text(name).trim();
    }
}
