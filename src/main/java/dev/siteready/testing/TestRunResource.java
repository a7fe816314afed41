package dev.siteready.testing;

import dev.siteready.account.Actors;
import dev.siteready.account.MemberRole;
import dev.siteready.project.Project;
import dev.siteready.web.Flash;
import io.quarkus.qute.TemplateInstance;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import java.util.UUID;

/**
 * One run of a test script, step by step: each step passed or failed with a note (htmx swaps only the step), issues
 * logged against a step, and the run passed or failed.
 */
@Path("/sites/{siteId}/projects/{projectId}/testing/runs")
@Produces(MediaType.TEXT_HTML)
public class TestRunResource {

    @Inject
    TestRuns runs;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("{runId}")
    @Transactional
    public TemplateInstance show(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID runId) {
        return TestRunPages.run(run(siteId, projectId, runId));
    }

    @POST
    @Path("{runId}/steps/{stepId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response recordStep(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID runId, @RestPath UUID stepId,
            @BeanParam StepResultForm form, @RestHeader("HX-Request") boolean htmx) {
        TestRun run = run(siteId, projectId, runId);
        Outcome outcome = runs.recordStep(run, stepId, form, Actors.describe(identity));
        if (outcome.refused()) {
            return Response.status(outcome.status()).entity(TestRunPages.withStep(run, stepId, form, outcome.problem(), htmx)).build();
        }
        return htmx ? Response.ok(TestRunPages.step(run, stepId)).build()
                : Flash.seeOther(outcome.location(), outcome.message());
    }

    @POST
    @Path("{runId}/issues")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response logIssue(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID runId, @BeanParam NewIssueForm form) {
        TestRun run = run(siteId, projectId, runId);
        Outcome outcome = runs.logIssue(run, form, Actors.describe(identity));
        if (outcome.refused()) {
            return Response.status(outcome.status()).entity(TestRunPages.withNewIssue(run, form, outcome.problem())).build();
        }
        return Flash.seeOther(outcome.location(), outcome.message());
    }

    @POST
    @Path("{runId}/finish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response finish(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID runId, @RestForm String outcome) {
        TestRun run = run(siteId, projectId, runId);
        Outcome finished = runs.finish(run, outcome, Actors.describe(identity));
        return finished.refused() ? Flash.seeOtherWithError(TestingPaths.run(run), finished.problem())
                : Flash.seeOther(TestingPaths.run(run), finished.message());
    }

    /** The run, only if it belongs to that project of that site in this workspace; otherwise 404. */
    private static TestRun run(UUID siteId, UUID projectId, UUID runId) {
        TestRun run = TestRun.findIn(Project.require(siteId, projectId), runId);
        if (run == null) {
            throw new NotFoundException();
        }
        return run;
    }
}
