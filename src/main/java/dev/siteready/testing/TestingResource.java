package dev.siteready.testing;

import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

import java.util.UUID;

/**
 * A project's way to go-live on one page: phases with their gates and timeline, the functional checklist, workflows
 * with their scripts, issues, sign-offs and the testing history; printable, and as CSV. Each part is changed through
 * its own resource.
 */
@Path("/sites/{siteId}/projects/{projectId}/testing")
@Produces(MediaType.TEXT_HTML)
public class TestingResource {

    @Inject
    TestPlans plans;

    @Inject
    TestingPages pages;

    @GET
    @Transactional
    public TemplateInstance show(@RestPath UUID siteId, @RestPath UUID projectId) {
        return pages.testing(plans.require(siteId, projectId), RefusedInput.NONE);
    }

    @GET
    @Path("print")
    @Transactional
    public TemplateInstance print(@RestPath UUID siteId, @RestPath UUID projectId) {
        return pages.print(plans.require(siteId, projectId));
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    @Transactional
    public Response export(@RestPath UUID siteId, @RestPath UUID projectId) {
        TestPlan plan = plans.require(siteId, projectId);
        return TestPlanCsv.download(pages.page(plan, RefusedInput.NONE, null));
    }
}
