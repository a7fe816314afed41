package dev.siteready.testing;

import dev.siteready.account.Actors;
import dev.siteready.account.MemberRole;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

import java.util.UUID;

/** The vendor's go-live sign-off of the current scope version, by a member. */
@Path("/sites/{siteId}/projects/{projectId}/testing/sign-offs")
@Produces(MediaType.TEXT_HTML)
public class SignOffResource {

    @Inject
    TestPlans plans;

    @Inject
    SignOffs signOffs;

    @Inject
    TestingPages pages;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response sign(@RestPath UUID siteId, @RestPath UUID projectId, @BeanParam SignOffForm form) {
        TestPlan plan = plans.require(siteId, projectId);
        Outcome outcome = signOffs.signForVendor(plan, form, Actors.describe(identity));
        if (outcome.refused()) {
            return Response.status(outcome.status()).entity(pages.testing(plan, RefusedInput.signOff(form, outcome.problem()))).build();
        }
        return Flash.seeOther(TestingPaths.testing(plan.project()) + "#sign-off", outcome.message());
    }
}
