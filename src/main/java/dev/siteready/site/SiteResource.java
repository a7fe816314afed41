package dev.siteready.site;

import dev.siteready.account.MemberRole;
import dev.siteready.onboarding.Onboarding;
import dev.siteready.onboarding.OnboardingTemplate;
import dev.siteready.onboarding.SiteDrafts;
import dev.siteready.project.Project;
import dev.siteready.project.ProjectSummary;
import dev.siteready.web.Flash;
import dev.siteready.web.FormErrors;
import dev.siteready.web.PlainText;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Sites: the list, onboarding a new one from a template, the site page (the hub), editing, contacts. */
@Path("/sites")
@Produces(MediaType.TEXT_HTML)
public class SiteResource {

    public record ContactView(UUID id, String name, String role, String email) {
    }

    public record SiteView(UUID id, String name, String ehrVendor, String timeZone, SiteStatus status,
            String environmentNotes, List<ContactView> contacts, List<ProjectSummary> projects) {
        public long messagesPerDay() {
            return projects.stream().mapToLong(ProjectSummary::messagesPerDay).sum();
        }

        public long peakPerHour() {
            return projects.stream().mapToLong(ProjectSummary::peakPerHour).sum();
        }
    }

    public record TemplateOption(String name, String description) {
    }

    /** What the new/edit form needs besides the input. */
    public record FormOptions(List<TemplateOption> templates, List<SiteStatus> statuses, List<String> commonZones,
            List<String> otherZones) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(SiteList.Result result, List<SiteStatus> statuses);

        static native TemplateInstance list$results(SiteList.Result result, List<SiteStatus> statuses);

        static native TemplateInstance form(SiteForm form, FormErrors errors, FormOptions options, UUID siteId);

        static native TemplateInstance site(SiteView site, FormErrors errors, Map<String, String> contactInput);
    }

    @Inject
    SiteDrafts drafts;

    @Inject
    Onboarding onboarding;

    @Inject
    Validator validator;

    @GET
    @Transactional
    public TemplateInstance list(@RestQuery String q, @RestQuery String status, @RestQuery String sort,
            @RestQuery Integer page, @RestHeader("HX-Request") boolean htmx,
            @RestHeader("HX-History-Restore-Request") boolean historyRestore) {
        SiteList.Result result = SiteList.find(new SiteList.Query(q, SiteStatus.parse(status), sort,
                page == null ? 1 : page));
        List<SiteStatus> statuses = Arrays.asList(SiteStatus.values());
        // htmx restoring history without its cache asks with HX-Request too, and wants the whole page
        return htmx && !historyRestore ? Templates.list$results(result, statuses) : Templates.list(result, statuses);
    }

    @GET
    @Path("new")
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public TemplateInstance newSite(@RestQuery String template) {
        FormOptions options = options();
        String chosen = template != null ? template : options.templates().isEmpty() ? "" : options.templates().get(0).name();
        return Templates.form(SiteForm.empty(chosen), FormErrors.none(), options, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    public Response create(@BeanParam SiteForm form) {
        SiteDraft draft = form.draft();
        FormErrors errors = QuarkusTransaction.requiringNew().call(() -> errors(drafts.problems(draft)));
        if (!errors.any()) {
            try {
                Onboarding.Onboarded onboarded = onboarding.createSite(draft);
                String note = onboarded.notes().isEmpty() ? ""
                        : " Skipped from the template: " + String.join(" ", onboarded.notes());
                return Flash.seeOther("/sites/" + onboarded.site().id, "Site " + onboarded.site().name + " onboarded." + note);
            } catch (PersistenceException e) {
                if (!Site.isNameConflict(e)) {
                    throw e;
                }
                errors.add("name", "A site called " + draft.name().trim() + " exists already.");
            }
        }
        return Response.status(400).entity(QuarkusTransaction.requiringNew().call(
                () -> Templates.form(form, errors, options(), null).render())).type(MediaType.TEXT_HTML_TYPE).build();
    }

    @GET
    @Path("{id}")
    @Transactional
    public TemplateInstance show(@RestPath UUID id) {
        return Templates.site(view(Site.require(id)), FormErrors.none(), Map.of());
    }

    @GET
    @Path("{id}/edit")
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public TemplateInstance edit(@RestPath UUID id) {
        Site site = Site.require(id);
        return Templates.form(SiteForm.of(site), FormErrors.none(), options(), site.id);
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response update(@RestPath UUID id, @BeanParam SiteForm form) {
        Site site = Site.require(id);
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
            SiteForm mine = new SiteForm(form.name(), form.ehrVendor(), form.timeZone(), form.status(),
                    form.environmentNotes(), "", "", "", "", site.version);
            return Response.status(409).entity(Templates.form(mine, errors, options(), site.id)).build();
        }
        if (errors.any()) {
            return Response.status(400).entity(Templates.form(form, errors, options(), site.id)).build();
        }
        site.name = draft.name().trim();
        site.ehrVendor = draft.ehrVendor() == null ? "" : draft.ehrVendor().trim();
        site.timeZone = draft.timeZone().trim();
        site.status = draft.statusOrDefault();
        site.environmentNotes = draft.environmentNotes() == null ? "" : draft.environmentNotes().trim();
        return Flash.seeOther("/sites/" + site.id, "Site " + site.name + " saved.");
    }

    @POST
    @Path("{id}/contacts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response addContact(@RestPath UUID id, @RestForm String name, @RestForm String role, @RestForm String email) {
        Site site = Site.require(id);
        SiteDraft.Contact input = new SiteDraft.Contact(name, role, email);
        FormErrors errors = FormErrors.of(validator.validate(input));
        long count = SiteContact.count("site", site);
        if (count >= 20) {
            errors.add("name", "A site has at most 20 contacts.");
        }
        if (errors.any()) {
            Map<String, String> typed = Map.of("name", nz(name), "role", nz(role), "email", nz(email));
            return Response.status(400).entity(Templates.site(view(site), errors, typed)).build();
        }
        SiteContact contact = new SiteContact();
        contact.site = site;
        contact.name = name.trim();
        contact.role = nz(role).trim();
        contact.email = nz(email).trim();
        contact.position = (int) count;
        contact.persist();
        return Flash.seeOther("/sites/" + site.id, contact.name + " added as a contact.");
    }

    @POST
    @Path("{id}/contacts/{contactId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response removeContact(@RestPath UUID id, @RestPath UUID contactId) {
        Site site = Site.require(id);
        SiteContact contact = SiteContact.find("id = ?1 and site = ?2", contactId, site).firstResult();
        if (contact == null) {
            throw new NotFoundException();
        }
        contact.delete();
        return Flash.seeOther("/sites/" + site.id, contact.name + " is no longer a contact.");
    }

    /** A further project at the site (e.g. a second phase adding data models); its scope starts empty. */
    @POST
    @Path("{id}/projects")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response addProject(@RestPath UUID id, @RestForm String name) {
        Site site = Site.require(id);
        String clean = name == null ? "" : name.trim();
        if (!PlainText.Validator.isName(clean, 160)) {
            FormErrors errors = FormErrors.none().add("project-name",
                    "Give the project a name of 1 to 160 characters, without control characters.");
            return Response.status(400).entity(Templates.site(view(site), errors, Map.of("project", nz(name)))).build();
        }
        Project project = new Project();
        project.site = site;
        project.name = clean;
        project.persist();
        return Flash.seeOther("/sites/" + site.id + "/projects/" + project.id, "Project " + clean + " created: define its scope.");
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response delete(@RestPath UUID id, @RestForm String confirmName) {
        Site site = Site.require(id);
        if (confirmName == null || !confirmName.trim().equalsIgnoreCase(site.name)) {
            return Flash.seeOtherWithError("/sites/" + site.id, "Not deleted: type the site's name to confirm.");
        }
        site.delete();
        return Flash.seeOther("/sites", "Site " + site.name + " and its projects were deleted.");
    }


    private static SiteView view(Site site) {
        List<ContactView> contacts = SiteContact.listFor(site).stream()
                .map(c -> new ContactView(c.id, c.name, c.role, c.email)).toList();
        return new SiteView(site.id, site.name, site.ehrVendor, site.timeZone, site.status, site.environmentNotes,
                contacts, ProjectSummary.forSite(site));
    }

    private static FormOptions options() {
        List<TemplateOption> templates = OnboardingTemplate.listByName().stream()
                .map(t -> new TemplateOption(t.name, t.description)).toList();
        return new FormOptions(templates, Arrays.asList(SiteStatus.values()), TimeZones.COMMON, TimeZones.others());
    }

    private static FormErrors errors(Map<String, String> problems) {
        FormErrors errors = FormErrors.none();
        problems.forEach((path, message) -> errors.add(SiteForm.field(path), message));
        return errors;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
