package dev.siteready.testing;

import dev.siteready.account.Actors;
import dev.siteready.account.MemberRole;
import dev.siteready.project.Project;
import dev.siteready.web.Flash;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

import java.net.URI;
import java.util.UUID;

/** A project's test phases: status, dates, owner and notes, each change through the phase's gate. */
@Path("/sites/{siteId}/projects/{projectId}/testing/phases")
@Produces(MediaType.TEXT_HTML)
public class TestPhaseResource {

    @Inject
    TestPlans plans;

    @Inject
    TestPhases phases;

    @Inject
    TestingPages pages;

    @Inject
    SecurityIdentity identity;

    /**
     * A phase's address opened in the browser (the address bar after a refused change, a bookmark): the testing page
     * at that phase. Only the form posts here; an unknown phase is 404.
     */
    @GET
    @Path("{kind}")
    @Transactional
    public Response show(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath String kind) {
        Project project = Project.require(siteId, projectId);
        TestPhase.Kind k = TestPhase.Kind.fromSlug(kind);
        if (k == null) {
            throw new NotFoundException();
        }
        return Response.seeOther(URI.create(TestingPaths.testing(project) + "#phase-" + k.slug())).build();
    }

    @POST
    @Path("{kind}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response save(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath String kind, @BeanParam PhaseForm form) {
        TestPlan plan = plans.require(siteId, projectId);
        TestPhase.Kind k = TestPhase.Kind.fromSlug(kind);
        if (k == null) {
            throw new NotFoundException();
        }
        Outcome outcome = phases.save(plan, k, form, Actors.describe(identity));
        if (outcome.refused()) {
            return Response.status(outcome.status()).entity(pages.testing(plan, RefusedInput.phase(k, form, outcome.problem()))).build();
        }
        String phase = TestingPaths.testing(plan.project()) + "#phase-" + k.slug();
        return outcome.warning() ? Flash.seeOtherWithError(phase, outcome.message()) : Flash.seeOther(phase, outcome.message());
    }
}
