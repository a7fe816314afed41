package dev.siteready.testing;

import dev.siteready.web.Forms;
import dev.siteready.web.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;

import java.util.ArrayList;
import java.util.List;

/**
 * A script's form: name (trimmed), workflow, description and its step rows (an action and an expected result each,
 * sent as two repeated fields), as typed.
 */
record ScriptForm(
        @RestForm
        @NotBlank(message = NAME)
        @Size(max = TestScript.MAX_NAME, message = NAME)
        @PlainText(message = NAME)
        String name,

        @RestForm
        String workflow,

        @RestForm
        @Size(max = TestScript.MAX_DESCRIPTION, message = DESCRIPTION)
        @PlainText(message = DESCRIPTION)
        String description,

        @RestForm
        List<String> action,

        @RestForm
        List<String> expected,

        @RestForm
        Long version) {

    static final String NAME = "Name the script, up to " + TestScript.MAX_NAME + " characters.";
    static final String DESCRIPTION = "The description is plain text of up to 4,000 characters.";

    public ScriptForm {
        name = Forms.text(name).trim();
        workflow = Forms.text(workflow);
        description = Forms.text(description);
        action = action == null ? List.of() : action;
        expected = expected == null ? List.of() : expected;
    }

    /** The step rows as typed, blank ones included. */
    List<StepInput> rows() {
        List<StepInput> rows = new ArrayList<>();
        for (int i = 0; i < Math.max(action.size(), expected.size()); i++) {
            rows.add(new StepInput(i < action.size() ? Forms.text(action.get(i)) : "", i < expected.size() ? Forms.text(expected.get(i)) : ""));
        }
        return rows;
    }

    /** The steps to save: rows with an action or an expected result, trimmed. */
    List<ScriptStep> steps() {
        return rows().stream().filter(s -> !s.action().isBlank() || !s.expected().isBlank())
                .map(s -> new ScriptStep(s.action().trim(), s.expected().trim())).toList();
    }
}
