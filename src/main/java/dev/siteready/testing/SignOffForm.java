package dev.siteready.testing;

import dev.siteready.web.Forms;
import dev.siteready.web.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;

/** A go-live sign-off: who signs in which role, the confirmation, and the scope version the signer saw. */
record SignOffForm(
        @RestForm
        @NotBlank(message = NAME)
        @Size(max = SignOff.MAX_NAME, message = NAME)
        @PlainText(message = NAME)
        String name,

        @RestForm
        @NotBlank(message = ROLE)
        @Size(max = SignOff.MAX_NAME, message = ROLE)
        @PlainText(message = ROLE)
        String role,

        @RestForm
        @Pattern(regexp = "yes", message = "Tick the box to confirm the sign-off.")
        String confirm,

        @RestForm
        String scopeVersion) {

    static final String NAME = "Give the signer's full name, up to " + SignOff.MAX_NAME + " characters.";
    static final String ROLE = "Give the signer's role, up to " + SignOff.MAX_NAME + " characters (e.g. \"Interface analyst\").";

    public SignOffForm {
        name = Forms.text(name).trim();
        role = Forms.text(role).trim();
        confirm = Forms.text(confirm);
        scopeVersion = Forms.text(scopeVersion);
    }

    /** The form before anything was typed: the signer's name filled in where it is known. */
    static SignOffForm empty(String name) {
        return new SignOffForm(name, "", "", "");
    }
}
