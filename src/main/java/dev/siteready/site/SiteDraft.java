package dev.siteready.site;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.siteready.web.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;

import java.util.List;

/**
 * A site to create, however it arrives: the new-site form, a CSV row or POST /api/sites. The template
 * (by name, or by id in the form) gives its first project's scope.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SiteDraft(
        @NotBlank(message = "Enter the site's name.")
        @Size(max = 160, message = "Keep the site name to 160 characters or fewer.")
        @PlainText
        String name,

        @Size(max = 80, message = "Keep the EHR vendor to 80 characters or fewer.")
        @PlainText
        String ehrVendor,

        @TimeZones.Valid
        String timeZone,

        String status,

        @Size(max = 4000, message = "Keep the environment notes to 4,000 characters or fewer.")
        @PlainText
        String environmentNotes,

        @Size(max = 20, message = "At most 20 contacts per site.")
        List<@Valid Contact> contacts,

        @Size(max = 120, message = "Template names have at most 120 characters.")
        @PlainText
        String template) {

    /** A contact as JSON, a CSV row's columns, or the site page's contact form. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contact(
            @RestForm
            @NotBlank(message = "Enter the contact's name.")
            @Size(max = 120, message = "Keep the contact's name to 120 characters or fewer.")
            @PlainText
            String name,

            @RestForm
            @Size(max = 120, message = "Keep the contact's role to 120 characters or fewer.")
            @PlainText
            String role,

            @RestForm
            @Size(max = 254, message = "An e-mail address has at most 254 characters.")
            @Email(message = "Enter an e-mail address like name@example.org.")
            String email) {

        public boolean isEmpty() {
            return blank(name) && blank(role) && blank(email);
        }
    }

    public SiteDraft {
        contacts = contacts == null ? List.of() : contacts.stream().filter(c -> c != null && !c.isEmpty()).toList();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The status to store: as given (name or label), else Planned. Null when given but unknown. */
    public SiteStatus statusOrDefault() {
        return blank(status) ? SiteStatus.PLANNED : SiteStatus.parse(status);
    }
}
