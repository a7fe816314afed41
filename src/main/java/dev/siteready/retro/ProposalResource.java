package dev.siteready.retro;

import dev.siteready.account.Actors;
import dev.siteready.account.MemberRole;
import dev.siteready.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

import java.net.URI;
import java.util.UUID;

/** Proposals waiting for a manager, and the decisions made: accepting publishes the template's next version. */
@Path("/retrospectives/proposals")
@Produces(MediaType.TEXT_HTML)
public class ProposalResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance proposals(ProposalsPage proposals);
    }

    @Inject
    ProposalDecisions decisions;

    @Inject
    SecurityIdentity identity;

    @GET
    @Transactional
    public TemplateInstance list() {
        return Templates.proposals(ProposalsPage.of(RefusedInput.NONE));
    }

    /** A stable address for a proposal: its retrospective (template versions a proposal made link here). */
    @GET
    @Path("{id}")
    @Transactional
    public Response open(@RestPath UUID id) {
        TemplateProposal proposal = TemplateProposal.findById(id);
        if (proposal == null) {
            throw new NotFoundException();
        }
        return Response.seeOther(URI.create("/retrospectives/" + proposal.retrospective.id)).build();
    }

    @POST
    @Path("{id}/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response accept(@RestPath UUID id, @BeanParam DecisionForm form) {
        TemplateProposal proposal = ProposalDecisions.proposal(id);
        Outcome<Integer> accepted = decisions.accept(proposal, form, Actors.describe(identity));
        if (accepted.isRefused()) {
            return refused(accepted.refused());
        }
        return Flash.seeOther("/retrospectives/proposals#decided", "Accepted: version " + accepted.done() + " of "
                + proposal.templateName() + " is published. " + (proposal.change.questionnaire
                        ? "New questionnaires start from it." : "New sites made from the template start from it."));
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response reject(@RestPath UUID id, @BeanParam DecisionForm form) {
        Outcome<TemplateProposal> rejected = decisions.reject(ProposalDecisions.proposal(id), form, Actors.describe(identity));
        return rejected.isRefused() ? refused(rejected.refused())
                : Flash.seeOther("/retrospectives/proposals#decided", "Rejected: " + rejected.done().summary);
    }

    private static Response refused(RefusedInput refused) {
        return Response.status(refused.status()).entity(Templates.proposals(ProposalsPage.of(refused))).build();
    }
}
