package dev.siteready.retro;

import dev.siteready.account.Actors;
import dev.siteready.account.MemberRole;
import dev.siteready.partner.PartnerLink;
import dev.siteready.partner.PartnerLinks;
import dev.siteready.partner.ProjectLinkForm;
import dev.siteready.project.Project;
import dev.siteready.web.Flash;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestPath;

import java.util.UUID;

/** The links through which the health system's contact adds to a started retrospective: making and revoking them. */
@Path("/sites/{siteId}/projects/{projectId}/retrospective")
@Produces(MediaType.TEXT_HTML)
public class RetroLinkResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    Retrospectives retrospectives;

    @Inject
    RetrospectivePages pages;

    @Inject
    PartnerLinks partnerLinks;

    @POST
    @Path("links")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response createLink(@RestPath UUID siteId, @RestPath UUID projectId, @BeanParam ProjectLinkForm form, @Context UriInfo uri) {
        Project project = Project.require(siteId, projectId);
        Retrospective retro = Retrospectives.started(project);
        Outcome<PartnerLinks.Created> created = retrospectives.createLink(project, form, Actors.describe(identity),
                uri.getBaseUri().toString());
        return created.isRefused() ? pages.refused(project, retro, created.refused())
                : Response.ok(pages.withNewLink(project, retro, created.done())).build();
    }

    @POST
    @Path("links/{linkId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response revokeLink(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID linkId) {
        Project project = Project.require(siteId, projectId);
        PartnerLink link = partnerLinks.revoke(project, linkId, PartnerLink.Purpose.RETROSPECTIVE);
        return Flash.seeOther(Retrospective.path(project) + "#partner-links",
                "The link for " + link.label + " was revoked. What they wrote stays.");
    }
}
