package dev.siteready.retro;

import dev.siteready.account.Actors;
import dev.siteready.account.MemberRole;
import dev.siteready.project.Project;
import dev.siteready.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.UUID;

/** Turning a retrospective item into a proposed template change, which a manager decides under Template proposals. */
@Path("/sites/{siteId}/projects/{projectId}/retrospective")
@Produces(MediaType.TEXT_HTML)
public class ItemProposalResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance propose(ProposalForms.ProposalPage form);
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    TemplateChanges changes;

    @Inject
    ProposalForms forms;

    @GET
    @Path("items/{itemId}/propose")
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public TemplateInstance proposeForm(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID itemId,
            @RestQuery String change) {
        Project project = Project.require(siteId, projectId);
        RetroItem item = Retrospectives.item(Retrospectives.started(project), itemId);
        return Templates.propose(forms.start(project, item, change));
    }

    @POST
    @Path("items/{itemId}/proposals")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response propose(@RestPath UUID siteId, @RestPath UUID projectId, @RestPath UUID itemId, @BeanParam ProposalInput input) {
        Project project = Project.require(siteId, projectId);
        Retrospective retro = Retrospectives.started(project);
        RetroItem item = Retrospectives.item(retro, itemId);
        TemplateProposal.Change change = TemplateProposal.Change.parse(input.change());
        if (change == null) {
            throw new BadRequestException("Choose the kind of change.");
        }
        try {
            TemplateProposal proposal = changes.propose(retro, item, change, input, Actors.describe(identity));
            return Flash.seeOther(retro.path() + "#item-" + item.id, "Proposed: " + proposal.summary
                    + " A manager accepts or rejects it under Retrospectives › Template proposals.");
        } catch (TemplateChanges.Refused e) {
            return Response.status(400).entity(Templates.propose(forms.refused(project, item, change, input, e.getMessage()))).build();
        }
    }
}
