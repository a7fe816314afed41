package dev.siteready.partner;

import dev.siteready.account.Actors;
import dev.siteready.account.MemberRole;
import dev.siteready.scoping.Questionnaire;
import dev.siteready.web.Flash;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestPath;

import java.util.UUID;

/** The partner links of a project's questionnaire: create one per partner contact, revoke, read the access log. */
@Path("/sites/{siteId}/projects/{projectId}/questionnaire/links")
@Produces(MediaType.TEXT_HTML)
public class PartnerLinkResource {

    @Inject
    PartnerLinks partnerLinks;

    @Inject
    SecurityIdentity identity;

    @GET
    @Transactional
    public TemplateInstance show(@RestPath UUID siteId, @RestPath UUID projectId) {
        return PartnerLinkPages.links(Questionnaire.require(siteId, projectId), LinkForm.NONE, null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response create(@RestPath UUID siteId, @RestPath UUID projectId, @BeanParam LinkForm form, @Context UriInfo uri) {
        Questionnaire questionnaire = Questionnaire.require(siteId, projectId);
        String problem = PartnerLinks.problem(questionnaire.definition(), form);
        if (problem != null) {
            return Response.status(400).entity(PartnerLinkPages.links(questionnaire, form, problem, null)).build();
        }
        PartnerLinks.Created created = partnerLinks.create(questionnaire, form, Actors.describe(identity), uri.getBaseUri().toString());
        return Response.ok(PartnerLinkPages.links(questionnaire, LinkForm.NONE, null, created)).build();
    }

    @POST
    @Path("{linkId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response revoke(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID linkId) {
        PartnerLink link = partnerLinks.revoke(Questionnaire.require(siteId, projectId), linkId);
        return Flash.seeOther(Questionnaire.path(siteId, projectId) + "/links",
                "The link for " + link.label + " was revoked: it no longer opens the questionnaire.");
    }
}
