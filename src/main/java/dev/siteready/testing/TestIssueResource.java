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
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

import java.util.UUID;

/** A project's issues, updated from the testing page or from the run they were found in (back there afterwards). */
@Path("/sites/{siteId}/projects/{projectId}/testing/issues")
@Produces(MediaType.TEXT_HTML)
public class TestIssueResource {

    @Inject
    TestPlans plans;

    @Inject
    TestIssues issues;

    @Inject
    TestingPages pages;

    @Inject
    SecurityIdentity identity;

    @POST
    @Path("{issueId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response update(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID issueId, @BeanParam IssueUpdateForm form) {
        Project project = Project.require(siteId, projectId);
        TestIssue issue = TestIssue.findIn(project, issueId);
        if (issue == null) {
            throw new NotFoundException();
        }
        boolean fromRun = issue.run != null && form.fromRun();
        Outcome outcome = issues.update(issue, form, Actors.describe(identity));
        if (outcome.refused()) {
            return Response.status(outcome.status()).entity(fromRun
                    ? TestRunPages.withIssueEdit(issue.run, new IssueView.IssueEdit(issue.id, form, outcome.problem()))
                    : pages.testing(plans.of(project), RefusedInput.issue(issue.id, form, outcome.problem()))).build();
        }
        String back = fromRun ? TestingPaths.run(issue.run) : TestingPaths.testing(project);
        return Flash.seeOther(back + "#issue-" + issue.number, outcome.message());
    }
}
