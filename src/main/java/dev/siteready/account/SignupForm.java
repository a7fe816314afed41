package dev.siteready.account;

import dev.siteready.web.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;

/** The sign-up form: a new workspace and its first owner. The password is checked by {@link Passwords}. */
public record SignupForm(
        @RestForm
        @PlainText
        @NotBlank(message = "Enter the name of your workspace.")
        @Size(max = 120, message = "Keep the workspace name to 120 characters or fewer.")
        String workspaceName,

        @RestForm
        @PlainText
        @NotBlank(message = "Enter your name.")
        @Size(max = 120, message = "Keep your name to 120 characters or fewer.")
        String name,

        @RestForm
        @PlainText
        @NotBlank(message = "Enter your e-mail address.")
        @Size(max = 254, message = "An e-mail address has at most 254 characters.")
        @Email(message = "Enter an e-mail address like name@example.com.")
        String email,

        @RestForm
        @PlainText
        String password) {

    public static SignupForm empty() {
        return new SignupForm("", "", "", "");
    }
}
