package dev.siteready.hub;

import dev.siteready.account.MemberRole;
import dev.siteready.project.NewProjectForm;
import dev.siteready.project.Project;
import dev.siteready.site.Site;
import dev.siteready.site.SiteContact;
import dev.siteready.site.SiteContacts;
import dev.siteready.site.SiteDraft;
import dev.siteready.site.SiteStatus;
import dev.siteready.web.Flash;
import dev.siteready.web.FormErrors;
import dev.siteready.web.Forms;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The site page, the hub of a site's work: its details, contacts and projects with their scope and where each stands
 * in testing; adding a contact or a project there.
 */
@Path("/sites")
@Produces(MediaType.TEXT_HTML)
public class SitePageResource {

    public record ContactView(UUID id, long version, String name, String role, String email) {
    }

    public record SitePage(UUID id, String name, String ehrVendor, String timeZone, SiteStatus status,
            String environmentNotes, List<ContactView> contacts, List<ProjectSummary> projects) {
        public long messagesPerDay() {
            return projects.stream().mapToLong(ProjectSummary::messagesPerDay).sum();
        }

        public long peakPerHour() {
            return projects.stream().mapToLong(ProjectSummary::peakPerHour).sum();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance site(SitePage site, FormErrors errors, Map<String, String> contactInput);
    }

    @Inject
    SiteContacts contacts;

    @Inject
    Validator validator;

    @GET
    @Path("{id}")
    @Transactional
    public TemplateInstance show(@RestPath UUID id) {
        return Templates.site(page(Site.require(id)), FormErrors.none(), Map.of());
    }

    @POST
    @Path("{id}/contacts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response addContact(@RestPath UUID id, @BeanParam SiteDraft.Contact form) {
        Site site = Site.require(id);
        FormErrors errors = contacts.add(site, form);
        if (errors.any()) {
            Map<String, String> typed = Map.of("name", Forms.text(form.name()), "role", Forms.text(form.role()),
                    "email", Forms.text(form.email()));
            return Response.status(400).entity(Templates.site(page(site), errors, typed)).build();
        }
        return Flash.seeOther("/sites/" + site.id, form.name().trim() + " added as a contact.");
    }

    @POST
    @Path("{id}/contacts/{contactId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response removeContact(@RestPath UUID id, @RestPath UUID contactId, @RestForm Long version) {
        Site site = Site.require(id);
        SiteContact contact = contacts.remove(site, contactId, version);
        if (contact == null) {
            FormErrors stale = FormErrors.none().add("contacts-heading", "Someone else changed this contact since the page"
                    + " was shown, so it was not removed. Check the list and remove it again if you still want to.");
            return Response.status(409).entity(Templates.site(page(site), stale, Map.of())).build();
        }
        return Flash.seeOther("/sites/" + site.id, contact.name + " is no longer a contact.");
    }

    @POST
    @Path("{id}/projects")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response addProject(@RestPath UUID id, @BeanParam NewProjectForm form) {
        Site site = Site.require(id);
        FormErrors errors = FormErrors.of(validator.validate(form));
        if (errors.any()) {
            FormErrors shown = FormErrors.none().add("project-name", errors.get("name"));
            return Response.status(400).entity(Templates.site(page(site), shown, Map.of("project", form.name()))).build();
        }
        Project project = Project.create(site, form.name(), "");
        return Flash.seeOther("/sites/" + site.id + "/projects/" + project.id, "Project " + project.name + " created: define its scope.");
    }

    private static SitePage page(Site site) {
        List<ContactView> contacts = SiteContact.listFor(site).stream()
                .map(c -> new ContactView(c.id, c.version, c.name, c.role, c.email)).toList();
        return new SitePage(site.id, site.name, site.ehrVendor, site.timeZone, site.status, site.environmentNotes,
                contacts, ProjectSummary.forSite(site));
    }
}
