package dev.siteready.site;

import dev.siteready.web.FormErrors;
import dev.siteready.web.Forms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.NotFoundException;

import java.util.UUID;

/** A site's contacts: adding one (at most {@value #MAX_PER_SITE} per site) and removing one. */
@ApplicationScoped
public class SiteContacts {

    public static final int MAX_PER_SITE = 20;

    @Inject
    Validator validator;

    /** Adds the contact and returns no errors, or returns what is wrong with it (by form field) and adds nothing. */
    public FormErrors add(Site site, SiteDraft.Contact input) {
        site.lockFresh(); // two additions at once count and number the contacts one after the other
        FormErrors errors = FormErrors.of(validator.validate(input));
        long count = SiteContact.count("site", site);
        if (count >= MAX_PER_SITE) {
            errors.add("name", "A site has at most " + MAX_PER_SITE + " contacts.");
        }
        if (errors.any()) {
            return errors;
        }
        SiteContact contact = new SiteContact();
        contact.site = site;
        contact.name = input.name().trim();
        contact.role = Forms.text(input.role()).trim();
        contact.email = Forms.text(input.email()).trim();
        contact.position = (int) count;
        contact.persist();
        return errors;
    }

    /**
     * Removes the site's contact if it is still as the page showed it ({@code version}); returns it, or null when it
     * changed meanwhile. Another site's (or workspace's) contact is not found.
     */
    public SiteContact remove(Site site, UUID contactId, Long version) {
        site.lockFresh();
        SiteContact contact = contactId == null ? null : SiteContact.find("id = ?1 and site = ?2", contactId, site).firstResult();
        if (contact == null) {
            throw new NotFoundException();
        }
        if (version == null || !version.equals(contact.version)) {
            return null;
        }
        contact.delete();
        return contact;
    }
}
