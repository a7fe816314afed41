package dev.siteready.site;

import dev.siteready.account.MemberRole;
import dev.siteready.web.Flash;
import dev.siteready.web.FormErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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

import java.util.UUID;

/** Editing a site's details and deleting a site. (The list and the site page are the hub's; onboarding creates sites.) */
@Path("/sites")
@Produces(MediaType.TEXT_HTML)
public class SiteResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(SiteForm form, FormErrors errors, SiteForm.Options options, UUID siteId);
    }

    @Inject
    SiteEdits edits;

    @GET
    @Path("{id}/edit")
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public TemplateInstance edit(@RestPath UUID id) {
        Site site = Site.require(id);
        return Templates.form(SiteForm.of(site), FormErrors.none(), SiteForm.Options.ALL, site.id);
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response update(@RestPath UUID id, @BeanParam SiteForm form) {
        Site site = Site.require(id);
        SiteEdits.Outcome outcome = edits.update(site, form);
        return switch (outcome.status()) {
            case 200 -> Flash.seeOther("/sites/" + site.id, "Site " + site.name + " saved.");
            default -> Response.status(outcome.status())
                    .entity(Templates.form(outcome.shown(), outcome.errors(), SiteForm.Options.ALL, site.id)).build();
        };
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
}
