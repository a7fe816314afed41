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
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import java.util.UUID;

/** The functional checklist: an item's result with a reference as evidence; htmx swaps only the item's row. */
@Path("/sites/{siteId}/projects/{projectId}/testing/checklist")
@Produces(MediaType.TEXT_HTML)
public class ChecklistResource {

    @Inject
    TestPlans plans;

    @Inject
    ChecklistResults results;

    @Inject
    TestingPages pages;

    @Inject
    SecurityIdentity identity;

    @POST
    @Path("{itemId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response record(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID itemId,
            @BeanParam ChecklistResultForm form, @RestHeader("HX-Request") boolean htmx) {
        TestPlan plan = plans.require(siteId, projectId);
        ChecklistItem item = plan.checklist().stream().filter(c -> c.id.equals(itemId)).findFirst()
                .orElseThrow(NotFoundException::new);
        Outcome outcome = results.record(plan, item, form, Actors.describe(identity));
        if (outcome.refused()) {
            return Response.status(outcome.status()).entity(htmx ? pages.checklistRow(plan, item, form, outcome.problem())
                    : pages.testing(plan, RefusedInput.item(item.id, form, outcome.problem()))).build();
        }
        return htmx ? Response.ok(pages.checklistRow(plan, item, null, null)).build()
                : Flash.seeOther(TestingPaths.testing(plan.project()) + "#item-" + item.id, outcome.message());
    }
}
