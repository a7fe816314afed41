package dev.siteready.project;

import dev.siteready.web.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;

/** A further project at a site (e.g. a second phase adding data models); its scope starts empty. */
public record NewProjectForm(
        @RestForm
        @NotBlank(message = NewProjectForm.NAME)
        @Size(max = 160, message = NewProjectForm.NAME)
        @PlainText(message = NewProjectForm.NAME)
        String name) {

    static final String NAME = "Give the project a name of 1 to 160 characters, without control characters.";

    public NewProjectForm {
        name = name == null ? "" : name.trim();
    }
}
