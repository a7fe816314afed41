package dev.siteready.site;

import dev.siteready.web.FormErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

import java.util.List;

/** Saving a site's details from the edit form: checked, never over a change saved meanwhile. */
@ApplicationScoped
class SiteEdits {

    /** 200 saved; 400 invalid or 409 changed meanwhile, with the form to show again and what is wrong. */
    public record Outcome(int status, SiteForm shown, FormErrors errors) {
    }

    @Inject
    Validator validator;

    public Outcome update(Site site, SiteForm form) {
        site.lockFresh();
        SiteDraft draft = new SiteDraft(form.name(), form.ehrVendor(), form.timeZone(), form.status(),
                form.environmentNotes(), List.of(), null);
        FormErrors errors = FormErrors.of(validator.validate(draft));
        if (draft.statusOrDefault() == null) {
            errors.add("status", "Choose one of the listed statuses.");
        }
        if (!errors.has("name") && Site.nameTaken(draft.name(), site.id)) {
            errors.add("name", "A site called " + draft.name().trim() + " exists already.");
        }
        if (form.version() == null || !form.version().equals(site.version)) {
            errors.add("form", "Someone else saved this site while you were editing. The page shows your input; the saved"
                    + " version is on the site page. Save again to keep yours.");
            return new Outcome(409, form.withVersion(site.version), errors);
        }
        if (errors.any()) {
            return new Outcome(400, form, errors);
        }
        site.edit(draft.name(), draft.ehrVendor(), draft.timeZone(), draft.statusOrDefault(), draft.environmentNotes());
        return new Outcome(200, form, errors);
    }
}
