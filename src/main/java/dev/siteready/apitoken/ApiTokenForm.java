package dev.siteready.apitoken;

import dev.siteready.web.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;

/** A new API token: just a name saying what uses it. */
record ApiTokenForm(
        @RestForm
        @PlainText
        @NotBlank(message = "Name the token after what will use it, e.g. \"Nightly site import\".")
        @Size(max = 80, message = "Keep the name to 80 characters or fewer.")
        String name) {

    public static ApiTokenForm empty() {
        return new ApiTokenForm("");
    }
}
