package dev.siteready.testing;

import dev.siteready.account.Actors;
import dev.siteready.account.MemberRole;
import dev.siteready.partner.ProjectLinkForm;
import dev.siteready.project.Project;
import dev.siteready.web.Flash;
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

import java.net.URI;
import java.util.UUID;

/** Links that let the health system's contact sign off go-live without an account: made and revoked by members. */
@Path("/sites/{siteId}/projects/{projectId}/testing/sign-off-links")
@Produces(MediaType.TEXT_HTML)
public class SignOffLinkResource {

    @Inject
    TestPlans plans;

    @Inject
    SignOffs signOffs;

    @Inject
    TestingPages pages;

    @Inject
    SecurityIdentity identity;

    /** The form's address opened in the browser (the address bar after a link was made): the sign-off section. */
    @GET
    @Transactional
    public Response show(@RestPath UUID siteId, @RestPath UUID projectId) {
        return Response.seeOther(URI.create(TestingPaths.testing(Project.require(siteId, projectId)) + "#sign-off")).build();
    }

    /** The page with the new link's address, shown this once (no redirect: the address is not kept anywhere). */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response create(@RestPath UUID siteId, @RestPath UUID projectId, @BeanParam ProjectLinkForm form, @Context UriInfo uri) {
        TestPlan plan = plans.require(siteId, projectId);
        SignOffs.NewLink link = signOffs.createLink(plan, form, Actors.describe(identity), uri.getBaseUri().toString());
        if (link.problem() != null) {
            return Response.status(400).entity(pages.testing(plan, RefusedInput.link(form, link.problem()))).build();
        }
        return Response.ok(pages.withNewLink(plan, link.created())).build();
    }

    @POST
    @Path("{linkId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response revoke(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID linkId) {
        Project project = Project.require(siteId, projectId);
        String message = signOffs.revokeLink(project, linkId, Actors.describe(identity));
        return Flash.seeOther(TestingPaths.testing(project) + "#sign-off", message);
    }
}
