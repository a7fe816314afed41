package dev.siteready.account;

import dev.siteready.web.PlainText;
import org.jboss.resteasy.reactive.RestForm;

/** Changing one's own password: the current one, then the new one (checked by {@link Passwords}). */
record PasswordForm(
        @RestForm
        @PlainText
        String currentPassword,

        @RestForm
        @PlainText
        String newPassword) {
}
