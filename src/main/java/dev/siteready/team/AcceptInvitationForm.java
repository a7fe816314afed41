package dev.siteready.team;

import dev.siteready.web.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;

/** What an invited person fills in to join. The password is checked by Passwords. */
record AcceptInvitationForm(
        @RestForm
        @PlainText
        @NotBlank(message = "Enter your name.")
        @Size(max = 120, message = "Keep your name to 120 characters or fewer.")
        String name,

        @RestForm
        @PlainText
        String password) {

    public static AcceptInvitationForm empty() {
        return new AcceptInvitationForm("", "");
    }
}
