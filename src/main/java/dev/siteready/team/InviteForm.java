package dev.siteready.team;

import dev.siteready.web.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;

/** Who to invite and as what. */
record InviteForm(
        @RestForm
        @PlainText
        @NotBlank(message = "Enter the e-mail address of the person you invite.")
        @Size(max = 254, message = "An e-mail address has at most 254 characters.")
        @Email(message = "Enter an e-mail address like name@example.com.")
        String email,

        @RestForm
        @PlainText
        @NotBlank(message = "Choose a role.")
        @Pattern(regexp = "OWNER|MANAGER|VIEWER", message = "Choose one of the listed roles.")
        String role) {

    public static InviteForm empty() {
        return new InviteForm("", "MANAGER");
    }
}
